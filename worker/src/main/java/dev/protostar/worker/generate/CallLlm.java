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

    CallLlm(ProducerTemplate producer, LlmBreaker breaker, LlmProperties properties) {
        this.producer = producer;
        this.breaker = breaker;
        this.properties = properties;
    }

    LlmStream open(LlmCall call) {
        Duration backoff = properties.rateLimitBackoff();
        for (int attempt = 0; ; attempt++) {
            try {
                return openOnce(call);
            } catch (GenerationException e) {
                if (!e.code().equals("llm_rate_limited")
                        || attempt >= properties.rateLimitRetries()
                        || call.sink().cancelled()) {
                    throw e;
                }
                Duration wait = ProviderErrors.retryAfter(e).orElse(jittered(backoff));
                sleep(wait.compareTo(properties.rateLimitMaxWait()) > 0 ? properties.rateLimitMaxWait() : wait);
                backoff = backoff.multipliedBy(2);
            }
        }
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
