package dev.protostar.worker.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.RateLimitException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ProviderErrorsTest {

    @Test
    void a_429_is_rate_limiting_with_the_providers_retry_hint() {
        GenerationException e = ProviderErrors.classify(
                new HttpException(429, "Rate limit reached: at most 4 concurrent requests. Please try again in 1s."));
        assertThat(e.code()).isEqualTo("llm_rate_limited");
        assertThat(e.getMessage())
                .isEqualTo("The language model provider is rate limiting requests. It asks to retry in 1 s.");
    }

    @Test
    void a_wrapped_rate_limit_without_a_hint_is_rate_limiting_too() {
        GenerationException e = ProviderErrors.classify(new RuntimeException(new RateLimitException("slow down")));
        assertThat(e.code()).isEqualTo("llm_rate_limited");
        assertThat(e.getMessage()).isEqualTo("The language model provider is rate limiting requests.");
        assertThat(ProviderErrors.classify(new HttpException(429, "try again in 300ms"))
                        .getMessage())
                .endsWith("retry in 0.3 s.");
    }

    @Test
    void server_errors_and_broken_connections_are_model_errors() {
        assertThat(ProviderErrors.classify(new HttpException(500, "boom")).code())
                .isEqualTo("llm_error");
        assertThat(ProviderErrors.classify(new IOException("Connection refused"))
                        .code())
                .isEqualTo("llm_error");
    }

    @Test
    void only_back_pressure_and_cancellation_are_no_failure_of_the_model() {
        assertThat(ProviderErrors.notAFailure(new HttpException(429, "x"))).isTrue();
        assertThat(ProviderErrors.notAFailure(new GenerationException("llm_rate_limited", "x", null)))
                .isTrue();
        assertThat(ProviderErrors.notAFailure(new GenerationException("cancelled", "x", null)))
                .isTrue();
        assertThat(ProviderErrors.notAFailure(new GenerationException("llm_stalled", "x", null)))
                .isFalse();
        assertThat(ProviderErrors.notAFailure(new HttpException(503, "x"))).isFalse();
    }
}
