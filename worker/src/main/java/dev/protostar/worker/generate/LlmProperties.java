package dev.protostar.worker.generate;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The language model (protostar.llm.*), from PROTOSTAR_LLM_BASE_URL, _API_KEY and _MODEL. Without a key
 * the worker runs the offline mode.
 *
 * @param stallTimeout longest silence between two tokens (or before the first) before the stream is
 *     given up; there is deliberately no total timeout, a long answer that keeps flowing is fine
 */
@ConfigurationProperties("protostar.llm")
public record LlmProperties(String baseUrl, String apiKey, String model, Duration stallTimeout) {

    public boolean configured() {
        return apiKey != null && !apiKey.isBlank();
    }
}
