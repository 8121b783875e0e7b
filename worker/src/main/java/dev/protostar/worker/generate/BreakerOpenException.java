package dev.protostar.worker.generate;

/** The LLM circuit breaker is open: the model was not called and nothing was streamed. */
final class BreakerOpenException extends GenerationException {

    BreakerOpenException(long retryInMillis, Throwable cause) {
        super(
                "llm_unavailable",
                "The language model is unavailable: it failed repeatedly, so this worker stopped calling it"
                        + " for a while; it is tried again in " + Math.max(1, (retryInMillis + 999) / 1000) + " s.",
                cause);
    }
}
