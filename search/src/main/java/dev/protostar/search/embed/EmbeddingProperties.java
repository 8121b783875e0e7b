package dev.protostar.search.embed;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedding model (protostar.embedding.*): the in-process ONNX model unless an OpenAI-compatible
 * endpoint is configured with PROTOSTAR_EMBEDDING_BASE_URL (and _API_KEY, _MODEL).
 *
 * @param batchSize passages per call to the model: ingestion reports progress after each batch
 */
@ConfigurationProperties("protostar.embedding")
public record EmbeddingProperties(String baseUrl, String apiKey, String model, int batchSize) {

    public EmbeddingProperties {
        batchSize = batchSize > 0 ? batchSize : 16;
    }

    public boolean remote() {
        return baseUrl != null && !baseUrl.isBlank();
    }
}
