package dev.protostar.worker.generate;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The language model (protostar.llm.*), from PROTOSTAR_LLM_BASE_URL, _API_KEY and _MODEL. Without a key
 * the worker runs the offline mode.
 *
 * @param stallTimeout longest silence between two tokens (or before the first) before the stream is
 *     given up; there is deliberately no total timeout, a long answer that keeps flowing is fine
 * @param onBreakerOpen what a turn gets while the breaker is open: an {@code llm_unavailable} error, or
 *     the offline (extractive) answer
 * @param breaker when the model counts as down
 * @param rateLimitRetries times a stream refused with 429 is opened again before the turn gives up; only
 *     before its first token, so nothing a user saw is repeated
 * @param rateLimitBackoff the first wait when the provider names none, doubled each time (with jitter)
 * @param rateLimitMaxWait the longest wait for one retry, whatever the provider asks
 * @param capacityProbe after this long at the stream count the provider last refused beyond, one more is
 *     tried (see {@link ModelStreams})
 */
@ConfigurationProperties("protostar.llm")
public record LlmProperties(
        String baseUrl,
        String apiKey,
        String model,
        Duration stallTimeout,
        OnBreakerOpen onBreakerOpen,
        Breaker breaker,
        int rateLimitRetries,
        Duration rateLimitBackoff,
        Duration rateLimitMaxWait,
        Duration capacityProbe) {

    public boolean configured() {
        return apiKey != null && !apiKey.isBlank();
    }

    public enum OnBreakerOpen {
        ERROR,
        OFFLINE
    }

    /**
     * The LLM circuit breaker, judged on opening a stream: errors and the time to its first token.
     *
     * @param failureRate percent of failed openings (5xx, connection failures, silence before the first
     *     token) in the window that opens the breaker
     * @param slowTtft an opening whose first token takes longer than this is slow
     * @param slowRate percent of slow openings in the window that opens the breaker
     * @param minimumCalls openings in the window before any rate is judged
     * @param window the last this many openings are judged (count-based)
     * @param openWait how long the breaker stays open before it lets trial calls through
     * @param halfOpenCalls trial calls in half-open; their rates decide between closed and open again
     */
    public record Breaker(
            float failureRate,
            Duration slowTtft,
            float slowRate,
            int minimumCalls,
            int window,
            Duration openWait,
            int halfOpenCalls) {}
}
