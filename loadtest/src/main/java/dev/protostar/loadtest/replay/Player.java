package dev.protostar.loadtest.replay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.protostar.kafka.Json;
import dev.protostar.kafka.message.ChatRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offers a {@link ReplayPlan} to the intake: each original session becomes a fresh session for the same
 * candidate (created when its first turn is due), with its event stream open, and posts its turns in
 * order with {@code Protostar-Priority: replay}. A turn goes out at its due time, or when the session's
 * previous turn has ended if that is later: a session never has two turns running, as the intake
 * would refuse the second with 409.
 */
public final class Player {

    /** How a replay ended: the counts, which session replayed which, and the requestIds the intake accepted. */
    public record Result(Tally tally, Map<String, String> sessions, List<String> acceptedRequestIds) {}

    static final String PRIORITY_HEADER = "Protostar-Priority";
    static final String TIMEOUT_HEADER = "Request-Timeout";

    private static final Logger log = LoggerFactory.getLogger(Player.class);

    private final IntakeClient api;
    private final String candidateOverride;
    private final Duration answerTimeout;
    private final LongSupplier nanoTime;

    /**
     * @param candidateOverride every session asks about this candidate instead of the recorded one (another
     *     system's ids), or null
     * @param answerTimeout how long to wait for a turn's {@code done} or {@code error} before counting it unanswered
     */
    public Player(IntakeClient api, String candidateOverride, Duration answerTimeout, LongSupplier nanoTime) {
        this.api = api;
        this.candidateOverride = candidateOverride;
        this.answerTimeout = answerTimeout;
        this.nanoTime = nanoTime;
    }

    public Result play(ReplayPlan plan) throws InterruptedException {
        Tally tally = new Tally();
        Map<String, String> sessions = new ConcurrentHashMap<>();
        List<String> accepted = new CopyOnWriteArrayList<>();
        long start = nanoTime.getAsLong();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (ReplayPlan.Session session : plan.sessions()) {
                threads.submit(() -> {
                    playSession(session, start, tally, sessions, accepted);
                    return null;
                });
            }
        }
        Map<String, String> inPlanOrder = new LinkedHashMap<>();
        plan.sessions().forEach(s -> {
            if (sessions.containsKey(s.originalSessionId())) {
                inPlanOrder.put(s.originalSessionId(), sessions.get(s.originalSessionId()));
            }
        });
        return new Result(tally, inPlanOrder, List.copyOf(accepted));
    }

    private void playSession(
            ReplayPlan.Session session, long start, Tally tally, Map<String, String> sessions, List<String> accepted)
            throws InterruptedException {
        List<ReplayPlan.Step> steps = session.steps();
        sleepUntil(start + steps.getFirst().due().toNanos());
        String candidateId = candidateOverride != null ? candidateOverride : session.candidateId();
        String sessionId;
        try {
            sessionId = api.createSession(candidateId);
        } catch (IOException e) {
            log.warn("Session {} not replayed: {}", session.originalSessionId(), e.getMessage());
            tally.fail(steps.size());
            return;
        }
        sessions.put(session.originalSessionId(), sessionId);
        try (EventStream events = api.events(sessionId)) {
            for (ReplayPlan.Step step : steps) {
                sleepUntil(start + step.due().toNanos());
                playTurn(sessionId, step.turn().request(), events, tally, accepted);
            }
        } catch (IOException e) {
            log.warn("Replayed session {} broke off: {}", sessionId, e.getMessage());
            tally.fail(1);
        }
    }

    private void playTurn(
            String sessionId, ChatRequest original, EventStream events, Tally tally, List<String> accepted)
            throws InterruptedException {
        tally.offer();
        IntakeClient.Reply reply;
        try {
            reply = api.send(sessionId, original.text(), headers(original));
        } catch (IOException e) {
            log.warn("Turn {} not offered: {}", original.requestId(), e.getMessage());
            tally.fail(1);
            return;
        }
        if (!reply.accepted()) {
            tally.reject(reply.status());
            return;
        }
        tally.accept();
        accepted.add(reply.requestId());
        awaitEnd(reply.requestId(), events, tally);
    }

    /** Reads the session's stream until this request's {@code done} or {@code error}, or the timeout. */
    private void awaitEnd(String requestId, EventStream events, Tally tally) throws InterruptedException {
        long giveUp = nanoTime.getAsLong() + answerTimeout.toNanos();
        while (true) {
            long left = giveUp - nanoTime.getAsLong();
            Optional<EventStream.Event> event = left > 0 ? events.next(Duration.ofNanos(left)) : Optional.empty();
            if (event.isEmpty()) {
                tally.timeOut();
                return;
            }
            String name = event.get().name();
            if (!"done".equals(name) && !"error".equals(name)) {
                continue;
            }
            JsonNode data = parse(event.get().data());
            if (!requestId.equals(data.path("requestId").asText())) {
                continue;
            }
            if ("done".equals(name)) {
                tally.answer(data.path("refused").asBoolean());
            } else {
                tally.error(data.path("code").asText("unknown"));
            }
            return;
        }
    }

    /** The replay priority, and the original turn's own time budget (its deadline less its admission). */
    static Map<String, String> headers(ChatRequest original) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(PRIORITY_HEADER, "replay");
        if (original.deadline() != null && original.admittedAt() != null) {
            long millis =
                    Duration.between(original.admittedAt(), original.deadline()).toMillis();
            if (millis > 0) {
                headers.put(TIMEOUT_HEADER, String.valueOf(Math.max(1, (millis + 999) / 1000)));
            }
        }
        return headers;
    }

    private void sleepUntil(long nanos) throws InterruptedException {
        long left;
        while ((left = nanos - nanoTime.getAsLong()) > 0) {
            TimeUnit.NANOSECONDS.sleep(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
        }
    }

    private static JsonNode parse(String data) {
        try {
            return Json.MAPPER.readTree(data);
        } catch (IOException e) {
            return Json.MAPPER.createObjectNode();
        }
    }
}
