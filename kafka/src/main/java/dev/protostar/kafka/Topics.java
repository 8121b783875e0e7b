package dev.protostar.kafka;

import java.util.List;
import java.util.Map;

/**
 * The topic catalog: every topic Protostar uses, declared once. Applications refer to topics by these
 * names; the local broker launcher and the test support create them from {@link #ALL}.
 */
public final class Topics {

    /** Admitted chat turns, keyed by session so one session's turns stay in order. */
    public static final TopicSpec CHAT_REQUESTS = TopicSpec.of("chat-requests", 12, Map.of("retention.ms", days(7)));

    /** The answers as events, keyed by session; an offset in a session's partition is its SSE cursor. */
    public static final TopicSpec CHAT_RESULTS = TopicSpec.of("chat-results", 12, Map.of("retention.ms", days(1)));

    /** Cancellations (client gone, deadline passed), keyed by session like the turns they cancel. */
    public static final TopicSpec CHAT_CONTROL = TopicSpec.of("chat-control", 12, Map.of("retention.ms", hours(1)));

    /** Worker heartbeats keyed by worker id; compacted so a reader sees the latest of every worker. */
    public static final TopicSpec WORKER_STATUS = TopicSpec.of(
            "worker-status",
            1,
            Map.of("cleanup.policy", "compact", "segment.ms", hours(1), "min.cleanable.dirty.ratio", "0.1"));

    /** Objects to ingest (object key + etag), keyed by candidate. */
    public static final TopicSpec INGEST_REQUESTS = TopicSpec.of("ingest-requests", 6, Map.of("retention.ms", days(7)));

    /** Ingestion progress, keyed by ingestion id. */
    public static final TopicSpec INGEST_PROGRESS = TopicSpec.of("ingest-progress", 6, Map.of("retention.ms", days(1)));

    /** A turn was answered and recorded: fold the session's older turns into its summary. Keyed by session. */
    public static final TopicSpec SESSION_MEMORY = TopicSpec.of("session-memory", 12, Map.of("retention.ms", days(1)));

    public static final List<TopicSpec> SOURCES = List.of(
            CHAT_REQUESTS, CHAT_RESULTS, CHAT_CONTROL, WORKER_STATUS, INGEST_REQUESTS, INGEST_PROGRESS, SESSION_MEMORY);

    /** Every topic including the dead-letter topics of the ones consumed by a group. */
    public static final List<TopicSpec> ALL = List.of(
            CHAT_REQUESTS,
            CHAT_RESULTS,
            CHAT_CONTROL,
            WORKER_STATUS,
            INGEST_REQUESTS,
            INGEST_PROGRESS,
            SESSION_MEMORY,
            CHAT_REQUESTS.deadLetter(),
            INGEST_REQUESTS.deadLetter(),
            SESSION_MEMORY.deadLetter());

    /** Header on dead-letter records naming why the record was parked. */
    public static final String DLT_REASON_HEADER = "x-dlt-reason";

    /** Header on dead-letter records naming the route that gave up. */
    public static final String DLT_ROUTE_HEADER = "x-dlt-route";

    private Topics() {}

    private static String days(int days) {
        return String.valueOf(days * 86_400_000L);
    }

    private static String hours(int hours) {
        return String.valueOf(hours * 3_600_000L);
    }
}
