package dev.protostar.worker.generate;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * Opens a stream through the {@code call-llm} route and turns its failure into the turn's error. A provider's
 * 429 before the first token is back-pressure: the opening is tried again after the wait the provider asks
 * for (or a jittered, doubling backoff), a few times at most, so a busy provider shows as a later first token
 * — which the dam reads as congestion — rather than as a failed turn.
 */
final class CallLlm {

    private final ProducerTemplate producer;
    private final LlmBreaker breaker;
    private final LlmProperties properties;
    private final ModelStreams streams;

    CallLlm(ProducerTemplate producer, LlmBreaker breaker, LlmProperties properties, ModelStreams streams) {
        this.producer = producer;
        this.breaker = breaker;
        this.properties = properties;
        this.streams = streams;
    }

    /**
     * Returns once the first token arrived; the stream counts as open at the provider until the caller
     * {@link #close}s it.
     */
    LlmStream open(LlmCall call) {
        Duration backoff = properties.rateLimitBackoff();
        for (int attempt = 0; ; attempt++) {
            streams.opening();
            try {
                return openOnce(call);
            } catch (RuntimeException e) {
                streams.closed();
                if (!(e instanceof GenerationException refused)
                        || !refused.code().equals("llm_rate_limited")) {
                    throw e;
                }
                streams.refused();
                if (attempt >= properties.rateLimitRetries() || call.sink().cancelled()) {
                    throw e;
                }
                Duration wait = ProviderErrors.retryAfter(refused).orElse(jittered(backoff));
                sleep(wait.compareTo(properties.rateLimitMaxWait()) > 0 ? properties.rateLimitMaxWait() : wait);
                backoff = backoff.multipliedBy(2);
            }
        }
    }

    /** The stream {@link #open} returned has ended, however. */
    void close() {
        streams.closed();
    }

    private LlmStream openOnce(LlmCall call) {
        Exchange result = producer.send(
                CallLlmRoute.URI, exchange -> exchange.getMessage().setBody(call));
        Exception failure = result.getException();
        if (failure == null) {
            return result.getMessage().getBody(LlmStream.class);
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CallNotPermittedException) {
                throw new BreakerOpenException(breaker.openRemainingMillis(), t);
            }
        }
        throw ProviderErrors.classify(failure);
    }

    /** Full jitter: retries of many turns refused at once spread over the whole wait instead of returning together. */
    private static Duration jittered(Duration backoff) {
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(backoff.toMillis() / 2, backoff.toMillis() + 1));
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GenerationException("cancelled", "The worker is shutting down.", e);
        }
    }
}
