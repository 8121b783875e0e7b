package dev.protostar.chat.limits;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * What one request may cost before anything parses it (protostar.limits.*); application.yml says why each default.
 *
 * @param body the largest request body per endpoint
 * @param streamsPerTenant event streams (chat and ingestion progress) one tenant may hold open on one instance
 * @param streamRetryAfter what a tenant over its stream cap is told to wait
 * @param idempotencyKeyLength longest Idempotency-Key accepted, in characters
 * @param cursorWait how long a stream waits for this instance to reach a Last-Event-ID ahead of it
 */
@ConfigurationProperties("protostar.limits")
public record LimitProperties(
        Bodies body, int streamsPerTenant, Duration streamRetryAfter, int idempotencyKeyLength, Duration cursorWait) {

    /**
     * @param message {@code POST /api/v1/chat/sessions/{sid}/messages}
     * @param completion {@code POST /v1/chat/completions}
     * @param session {@code POST /api/v1/chat/sessions}
     * @param candidate {@code POST /api/v1/candidates}
     * @param other any other request under /api/ or /v1/ except a document upload (its multipart limit holds)
     */
    public record Bodies(DataSize message, DataSize completion, DataSize session, DataSize candidate, DataSize other) {}
}
