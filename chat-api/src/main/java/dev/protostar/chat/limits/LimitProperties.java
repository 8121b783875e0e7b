package dev.protostar.chat.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * What one request may cost before anything parses it (protostar.limits.*); application.yml says why each default.
 *
 * @param body the largest request body per endpoint
 */
@ConfigurationProperties("protostar.limits")
public record LimitProperties(Bodies body) {

    /**
     * @param message {@code POST /api/v1/chat/sessions/{sid}/messages}
     * @param completion {@code POST /v1/chat/completions}
     * @param session {@code POST /api/v1/chat/sessions}
     * @param candidate {@code POST /api/v1/candidates}
     * @param other any other request under /api/ or /v1/ except a document upload (its multipart limit holds)
     */
    public record Bodies(DataSize message, DataSize completion, DataSize session, DataSize candidate, DataSize other) {}
}
