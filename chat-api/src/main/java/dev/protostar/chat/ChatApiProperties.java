package dev.protostar.chat;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Policy numbers of the chat API (protostar.chat.*); application.yml says why each default.
 *
 * @param deadline how long an interactive turn may wait and run before nobody wants its answer
 * @param turnLease how long a session stays busy if its turn's end is never seen (a safety net)
 * @param maxTextLength longest question accepted, in characters
 * @param idempotencyTtl how long a repeated Idempotency-Key returns the first requestId
 * @param streamRewind how far back a freshly started instance reads answers, so it knows running turns
 * @param heartbeat interval of SSE comments that keep idle connections open through proxies
 * @param maxStreams event streams this instance holds open at once; one more is refused with a 503
 */
@ConfigurationProperties("protostar.chat")
public record ChatApiProperties(
        Duration deadline,
        Duration turnLease,
        int maxTextLength,
        Duration idempotencyTtl,
        Duration streamRewind,
        Duration heartbeat,
        int maxStreams) {}
