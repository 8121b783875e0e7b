package dev.protostar.worker.generate;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/** Opens a stream through the {@code call-llm} route and turns its failure into the turn's error. */
final class CallLlm {

    private final ProducerTemplate producer;
    private final LlmBreaker breaker;

    CallLlm(ProducerTemplate producer, LlmBreaker breaker) {
        this.producer = producer;
        this.breaker = breaker;
    }

    LlmStream open(LlmCall call) {
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
}
