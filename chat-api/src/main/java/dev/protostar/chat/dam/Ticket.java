package dev.protostar.chat.dam;

import dev.protostar.kafka.message.Priority;
import java.time.Instant;

/**
 * A turn as the dam sees it, classified before any gate: who pays for it, how much it may matter, when
 * nobody wants it any more, and roughly how many LLM tokens it will cost.
 *
 * @param estimatedTokens input and output tokens reserved against the tenant's quota, settled at the end
 */
public record Ticket(
        String requestId,
        String sessionId,
        String tenant,
        Priority priority,
        Instant arrived,
        Instant deadline,
        long estimatedTokens) {}
