package dev.protostar.worker.generate;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.RateLimitException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a provider's error means for the turn and for the breaker. A 429 is back-pressure — the provider
 * is up and asks us to slow down — so it ends the turn as {@code llm_rate_limited} and is no failure of
 * the model; everything else is {@code llm_error}.
 */
final class ProviderErrors {

    /**
     * langchain4j keeps a 429's body but not its headers, so the hint is read where OpenAI-style providers
     * also write it: "Please try again in 20s" (or 1.5s, 300ms).
     */
    private static final Pattern TRY_AGAIN = Pattern.compile("(?i)try again in\\s*(\\d+(?:\\.\\d+)?)\\s*(ms|s)\\b");

    private ProviderErrors() {}

    static GenerationException classify(Throwable error) {
        if (error instanceof GenerationException known) {
            return known;
        }
        if (rateLimited(error)) {
            String hint = retryAfterSeconds(error)
                    .map(seconds -> " It asks to retry in " + seconds + " s.")
                    .orElse("");
            return new GenerationException(
                    "llm_rate_limited", "The language model provider is rate limiting requests." + hint, error);
        }
        return new GenerationException("llm_error", "The language model failed: " + error.getMessage(), error);
    }

    /** Neither success nor failure for the breaker: back-pressure from the provider, or a cancelled turn. */
    static boolean notAFailure(Throwable error) {
        if (error instanceof GenerationException e) {
            return e.code().equals("llm_rate_limited") || e.code().equals("cancelled");
        }
        return rateLimited(error);
    }

    private static boolean rateLimited(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof RateLimitException || (t instanceof HttpException http && http.statusCode() == 429)) {
                return true;
            }
        }
        return false;
    }

    /** The wait a 429 asks for, when it names one. */
    static Optional<Duration> retryAfter(Throwable error) {
        return retryAfterSeconds(error).map(seconds -> Duration.ofMillis((long) (Double.parseDouble(seconds) * 1000)));
    }

    private static Optional<String> retryAfterSeconds(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            Matcher m = TRY_AGAIN.matcher(String.valueOf(t.getMessage()));
            if (m.find()) {
                double seconds = Double.parseDouble(m.group(1)) / (m.group(2).equalsIgnoreCase("ms") ? 1000 : 1);
                return Optional.of(
                        seconds == Math.rint(seconds) ? String.valueOf((long) seconds) : String.valueOf(seconds));
            }
        }
        return Optional.empty();
    }
}
