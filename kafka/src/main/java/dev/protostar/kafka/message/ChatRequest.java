package dev.protostar.kafka.message;

import java.time.Instant;

/**
 * An admitted chat turn on {@code chat-requests}, keyed by {@code sessionId}.
 *
 * @param requestId unique id of this turn; every result event carries it
 * @param sessionId the conversation; the record key
 * @param tenant the tenant of the API key that sent it
 * @param candidateId whose documents the answer may use, and only those
 * @param text the recruiter's question
 * @param priority interactive turns are admitted before bulk and replayed ones
 * @param deadline after this instant nobody waits for the answer: the worker drops it unanswered
 * @param admittedAt when the dam admitted it (the start of every latency the system reports)
 * @param attempt 1 for a turn as submitted; a replay tool may resubmit with a higher attempt
 */
public record ChatRequest(
        String requestId,
        String sessionId,
        String tenant,
        String candidateId,
        String text,
        Priority priority,
        Instant deadline,
        Instant admittedAt,
        int attempt) {}
