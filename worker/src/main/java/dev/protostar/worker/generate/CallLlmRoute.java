package dev.protostar.worker.generate;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code direct:call-llm}: opens an LLM stream inside the circuit breaker and returns, with the running
 * {@link LlmStream} as body, once its first token arrived — so the breaker judges errors and time to first
 * token, and the answer streams on outside it. Camel's timeout is off: its default (1 s, on the ForkJoin
 * pool) would cut streams, and the stall timeout of {@link LlmStream} already guards silence. While the
 * breaker is open the exchange fails at once with a {@code CallNotPermittedException}, without a model call.
 */
@Component
public class CallLlmRoute extends RouteBuilder {

    public static final String ID = "call-llm";

    static final String URI = "direct:" + ID;

    /** The breaker's bean name in the registry; one breaker for the worker's one model. */
    static final String BREAKER = "llmCircuitBreaker";

    @Override
    public void configure() {
        from(URI)
                .routeId(ID)
                .circuitBreaker()
                .resilience4jConfiguration()
                .circuitBreaker(BREAKER)
                .timeoutEnabled(false)
                .throwExceptionWhenHalfOpenOrOpenState(true)
                .end()
                .process(exchange -> exchange.getMessage()
                        .setBody(exchange.getMessage().getBody(LlmCall.class).open()))
                .end();
    }
}
