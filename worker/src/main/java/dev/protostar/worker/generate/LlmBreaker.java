package dev.protostar.worker.generate;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The circuit breaker around opening an LLM stream (route {@code call-llm}), and what the heartbeat says
 * of it. Failures are errors and silence before the first token; a first token later than the TTFT
 * threshold is a slow call. A provider's 429 (back-pressure) and a cancelled turn count neither way. It
 * moves from open to half-open by itself once the wait is over, so a worker no turn reaches (the dam
 * sheds while every breaker is open) still comes back.
 */
public final class LlmBreaker {

    private static final Logger log = LoggerFactory.getLogger(LlmBreaker.class);

    private final CircuitBreaker breaker;
    private final Duration openWait;
    private final LongSupplier nanoTime;
    private volatile long openedAt;

    LlmBreaker(LlmProperties.Breaker policy, LongSupplier nanoTime) {
        this.openWait = policy.openWait();
        this.nanoTime = nanoTime;
        this.breaker = CircuitBreaker.of(
                "llm",
                CircuitBreakerConfig.custom()
                        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                        .slidingWindowSize(policy.window())
                        .minimumNumberOfCalls(policy.minimumCalls())
                        .failureRateThreshold(policy.failureRate())
                        .slowCallDurationThreshold(policy.slowTtft())
                        .slowCallRateThreshold(policy.slowRate())
                        .waitDurationInOpenState(openWait)
                        .automaticTransitionFromOpenToHalfOpenEnabled(true)
                        .permittedNumberOfCallsInHalfOpenState(policy.halfOpenCalls())
                        .ignoreException(ProviderErrors::notAFailure)
                        .writableStackTraceEnabled(false)
                        .build());
        breaker.getEventPublisher().onStateTransition(event -> {
            if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                openedAt = nanoTime.getAsLong();
            }
            log.warn("LLM circuit breaker {}", event.getStateTransition());
        });
    }

    CircuitBreaker circuitBreaker() {
        return breaker;
    }

    /** CLOSED, OPEN or HALF_OPEN (a forced or disabled state reads as the nearest of those). */
    public String state() {
        return switch (breaker.getState()) {
            case OPEN, FORCED_OPEN -> "OPEN";
            case HALF_OPEN -> "HALF_OPEN";
            default -> "CLOSED";
        };
    }

    /** While open, how long until trial calls are let through; 0 otherwise. */
    public long openRemainingMillis() {
        if (breaker.getState() != CircuitBreaker.State.OPEN) {
            return 0;
        }
        long left = openWait.toNanos() - (nanoTime.getAsLong() - openedAt);
        return Math.max(0, Duration.ofNanos(left).toMillis());
    }
}
