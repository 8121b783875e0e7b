package dev.protostar.loadtest.sim;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The bodies of the last chat requests the simulator was sent, oldest first: what a model would have received,
 * so a test can check the prompt itself ({@code GET /sim/requests}, {@link LlmSimulator#requests()}). Only the
 * last few are kept, so a load test's requests cost nothing but those.
 */
final class ReceivedRequests {

    /** A turn sends one request, and its fold and a follow-up's rewrite one more each: a test's own turn is in reach. */
    static final int KEPT = 32;

    private final Deque<byte[]> bodies = new ArrayDeque<>();

    synchronized void add(byte[] body) {
        if (bodies.size() == KEPT) {
            bodies.removeFirst();
        }
        bodies.addLast(body);
    }

    synchronized List<byte[]> bodies() {
        return List.copyOf(bodies);
    }
}
