package dev.protostar.loadtest.bench;

import dev.protostar.kafka.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Offers turns to the users' API the way people and batch jobs do: open-model arrivals (Poisson, each
 * priority at its own rate, never waiting for earlier turns, so a slow system cannot slow its own load), or
 * a closed model of users asking back to back. Every turn is one POST on a session whose stream is already
 * open; an admitted turn is followed to its done or error, or until its deadline has passed.
 */
final class Load {

    private static final Pattern REQUEST_ID = Pattern.compile("\"requestId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern GATE = Pattern.compile("\"gate\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern WORKER_TTFT = Pattern.compile("\"ttftMs\"\\s*:\\s*(\\d+)");

    private final HttpClient http;
    private final String baseUrl;
    private final String apiKey;
    private final SessionPool sessions;
    private final String question;
    private final Duration deadline;
    private final LongSupplier nanoTime;

    Load(
            HttpClient http,
            String baseUrl,
            String apiKey,
            SessionPool sessions,
            String question,
            Duration deadline,
            LongSupplier nanoTime) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.sessions = sessions;
        this.question = question;
        this.deadline = deadline;
        this.nanoTime = nanoTime;
    }

    /** Poisson arrivals for {@code duration} at {@code rates} (turns per second by priority); waits for every turn. */
    List<Turn> open(Map<String, Double> rates, Duration duration) throws InterruptedException {
        ConcurrentLinkedQueue<Turn> turns = new ConcurrentLinkedQueue<>();
        List<Thread> running = new ArrayList<>();
        long start = nanoTime.getAsLong();
        long end = start + duration.toNanos();
        List<String> priorities = new ArrayList<>(rates.keySet());
        long[] next = new long[priorities.size()];
        for (int i = 0; i < next.length; i++) {
            next[i] = start + gap(rates.get(priorities.get(i)));
        }
        while (true) {
            int soonest = 0;
            for (int i = 1; i < next.length; i++) {
                if (next[i] < next[soonest]) {
                    soonest = i;
                }
            }
            long at = next[soonest];
            if (at >= end) {
                break;
            }
            long wait = at - nanoTime.getAsLong();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            String priority = priorities.get(soonest);
            long offeredAt = at - start;
            running.add(Thread.ofVirtual().start(() -> turns.add(turn(priority, offeredAt))));
            next[soonest] = at + gap(rates.get(priority));
        }
        for (Thread turn : running) {
            turn.join();
        }
        return new ArrayList<>(turns);
    }

    /**
     * {@code users} people each asking again when their answer is done and they have thought for a while
     * (exponential, mean {@code think}; zero asks at once), for {@code duration}. Each starts after a random
     * part of one think, so they do not all ask in the same instant.
     */
    List<Turn> closed(int users, Duration duration, Duration think) throws InterruptedException {
        ConcurrentLinkedQueue<Turn> turns = new ConcurrentLinkedQueue<>();
        long start = nanoTime.getAsLong();
        long end = start + duration.toNanos();
        List<Thread> people = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            people.add(Thread.ofVirtual().start(() -> {
                LockSupport.parkNanos((long) (ThreadLocalRandom.current().nextDouble() * think.toNanos()));
                long now;
                while ((now = nanoTime.getAsLong()) < end) {
                    Turn turn = turn("interactive", now - start);
                    turns.add(turn);
                    // a refused person waits a second; the closed model is for runs without refusals
                    long pause = turn.admitted() ? thinkNanos(think) : TimeUnit.SECONDS.toNanos(1);
                    // no one thinks past the end: the longest of a thousand thinks is minutes
                    LockSupport.parkNanos(Math.min(pause, end - nanoTime.getAsLong()));
                }
            }));
        }
        for (Thread person : people) {
            person.join();
        }
        return new ArrayList<>(turns);
    }

    private Turn turn(String priority, long offeredAt) {
        SessionStream session = sessions.take();
        long sent = nanoTime.getAsLong();
        HttpResponse<String> reply;
        try {
            reply = http.send(post(session, priority), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            sessions.giveBack(session);
            return new Turn(
                    priority, offeredAt, 0, nanoTime.getAsLong() - sent, -1, -1, Turn.Outcome.FAILED, e.toString(), -1);
        }
        long replied = nanoTime.getAsLong() - sent;
        if (reply.statusCode() != 202) {
            sessions.giveBack(session);
            boolean clean = (reply.statusCode() == 429 || reply.statusCode() == 503)
                    && reply.headers().firstValue("Retry-After").isPresent()
                    && reply.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json");
            return new Turn(
                    priority,
                    offeredAt,
                    reply.statusCode(),
                    replied,
                    -1,
                    -1,
                    clean ? Turn.Outcome.REFUSED : Turn.Outcome.FAILED,
                    find(GATE, reply.body()),
                    -1);
        }
        String requestId = find(REQUEST_ID, reply.body());
        TurnClock clock = session.clock(requestId);
        boolean ended;
        try {
            // past its deadline the worker drops the turn and says so; a little longer covers that error's way back
            ended = clock.awaitEnd(deadline.plusSeconds(5).toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ended = false;
        }
        session.forget(requestId);
        if (ended) {
            sessions.giveBack(session);
        } else {
            sessions.drop(session);
        }
        long ttft = clock.firstDelta() < 0 ? -1 : clock.firstDelta() - sent;
        if (!ended) {
            return new Turn(priority, offeredAt, 202, replied, ttft, -1, Turn.Outcome.LOST, null, -1);
        }
        boolean done = clock.endKind().equals("done");
        return new Turn(
                priority,
                offeredAt,
                202,
                replied,
                ttft,
                clock.end() - sent,
                done ? Turn.Outcome.DONE : Turn.Outcome.ERROR,
                done ? null : find(CODE, clock.endData()),
                done ? millis(find(WORKER_TTFT, clock.endData())) : -1);
    }

    private HttpRequest post(SessionStream session, String priority) {
        return HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/chat/sessions/" + session.sessionId + "/messages"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .header("Protostar-Priority", priority)
                .header("Request-Timeout", String.valueOf(deadline.toSeconds()))
                .POST(HttpRequest.BodyPublishers.ofString(Json.writeString(Map.of("text", question))))
                .build();
    }

    private static long thinkNanos(Duration think) {
        return think.isZero() ? 0 : gap(1e9 / think.toNanos());
    }

    /** Exponential gaps: the arrivals of a Poisson process at {@code rate} per second. */
    private static long gap(double rate) {
        return (long) (-Math.log(1 - ThreadLocalRandom.current().nextDouble()) / rate * 1e9);
    }

    private static long millis(String found) {
        return found == null ? -1 : Long.parseLong(found);
    }

    private static String find(Pattern pattern, String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }
}
