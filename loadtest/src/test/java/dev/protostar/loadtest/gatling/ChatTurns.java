package dev.protostar.loadtest.gatling;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.sse;
import static io.gatling.javaapi.http.HttpDsl.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One chat turn over the real API, as steps both simulations compose: take a session, open its event
 * stream, post the question, wait for the first output and then the end, close the stream.
 *
 * <p>Reported names: {@code post question} (202 is OK; 429/503 are KO with their status in the error
 * message), the group {@code time to first delta} (the POST plus the wait for the turn's first output:
 * what the user waits before text appears), and the SSE check {@code answer} (first output to
 * {@code done}). A turn whose first output or end does not come within {@link LoadSettings#giveUp()} of
 * its POST is abandoned: its check fails with a timeout and the stream is closed (the client is gone).
 */
final class ChatTurns {

    static final String TTFD_GROUP = "time to first delta";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LoadSettings settings;
    /** Sessions whose last turn ended, for the next user to go on with (a session runs one turn at a time). */
    private final Queue<String> idleSessions = new ConcurrentLinkedQueue<>();

    ChatTurns(LoadSettings settings) {
        this.settings = settings;
    }

    HttpProtocolBuilder protocol() {
        return http.baseUrl(settings.baseUrl())
                .authorizationHeader("Bearer " + settings.key())
                .acceptHeader("application/json")
                .contentTypeHeader("application/json")
                .userAgentHeader("protostar-gatling");
    }

    /** An idle session from an earlier turn if there is one, else a new one; a user who gets none stops here. */
    ChainBuilder takeSession() {
        return exec(session -> {
                    String idle = idleSessions.poll();
                    return idle == null ? session.remove("sessionId") : session.set("sessionId", idle);
                })
                .doIf(session -> !session.contains("sessionId"))
                .then(exec(http("create session")
                        .post("/api/v1/chat/sessions")
                        .body(StringBody(json(Map.of("candidateId", settings.candidateId()))))
                        .check(status().is(201), jsonPath("$.sessionId").saveAs("sessionId"))))
                .exitHereIfFailed();
    }

    ChainBuilder openStream() {
        return exec(sse("open events").get("/api/v1/chat/sessions/#{sessionId}/events"));
    }

    /** Posts the question once; saves {@code status}, {@code requestId} and {@code retryAfter} (seconds). */
    ChainBuilder post() {
        HttpRequestActionBuilder post = http("post question")
                .post("/api/v1/chat/sessions/#{sessionId}/messages")
                .header("Protostar-Priority", settings.priority())
                .body(StringBody(json(Map.of("text", settings.question()))))
                .check(
                        status().saveAs("status"),
                        header("Retry-After").optional().saveAs("retryAfter"),
                        jsonPath("$.requestId").optional().saveAs("requestId"),
                        status().is(202));
        if (settings.requestTimeout() > 0) {
            post = post.header("Request-Timeout", String.valueOf(settings.requestTimeout()));
        }
        return exec(session -> session.removeAll("status", "retryAfter", "requestId", "firstEvent", "endEvent")
                        .set("askedAt", System.nanoTime()))
                .exec(post);
    }

    /** Waits for the accepted turn's first delta (or its done/error when there is no text) within the patience left. */
    ChainBuilder awaitFirstOutput() {
        return exec(sse("await first output")
                .setCheck()
                .await(this::patienceLeft)
                .on(sse.checkMessage("first output")
                        .matching(regex("\"event\":\"(delta|done|error)\".*#{requestId}"))
                        .check(
                                regex("\"event\":\"([a-z]+)\"").saveAs("firstEvent"),
                                regex("\"event\":\"(delta|done)\""))));
    }

    /** After a first delta, waits for the turn's {@code done}; an {@code error} fails the check. */
    ChainBuilder awaitEnd() {
        return doIf(session -> "delta".equals(session.getString("firstEvent")))
                .then(exec(sse("answer")
                        .setCheck()
                        .await(this::patienceLeft)
                        .on(sse.checkMessage("answer")
                                .matching(regex("\"event\":\"(done|error)\".*#{requestId}"))
                                .check(
                                        regex("\"event\":\"([a-z]+)\"").saveAs("endEvent"),
                                        regex("\"event\":\"(done)\"")))));
    }

    /** The POST and the wait for first output, grouped so the group's time is the user's time to first delta. */
    ChainBuilder askOnce() {
        return group(TTFD_GROUP).on(post().doIf(ChatTurns::accepted).then(awaitFirstOutput()));
    }

    /**
     * Closes the stream (for an abandoned turn, the sign that nobody waits any more); a session whose turn ended goes back to the
     * pool, an abandoned one is dropped (its turn may still be winding down: the next post would get 409).
     */
    ChainBuilder closeStream() {
        return exec(sse("close events").close()).exec(session -> {
            if (ended(session)) {
                idleSessions.add(session.getString("sessionId"));
            }
            return session.remove("sessionId");
        });
    }

    static boolean accepted(Session session) {
        return session.contains("status") && session.getInt("status") == 202 && session.contains("requestId");
    }

    /** The turn reached done or error (rather than being rejected or abandoned). */
    static boolean ended(Session session) {
        String first = session.contains("firstEvent") ? session.getString("firstEvent") : null;
        return session.contains("endEvent") || "done".equals(first) || "error".equals(first);
    }

    private Duration patienceLeft(Session session) {
        long waited = System.nanoTime() - session.getLong("askedAt");
        return Duration.ofNanos(
                Math.max(Duration.ofMillis(1).toNanos(), settings.giveUp().toNanos() - waited));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
