package dev.protostar.kafka.message;

/**
 * On {@code session-memory}, keyed by session: turn {@code turn} of the session was answered and recorded, so
 * its memory may have older turns to fold into the summary. One session's updates are applied in order.
 */
public record MemoryUpdate(String sessionId, String requestId, int turn) {}
