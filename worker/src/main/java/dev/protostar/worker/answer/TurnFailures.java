package dev.protostar.worker.answer;

import dev.protostar.worker.generate.GenerationException;
import java.sql.SQLException;
import org.springframework.dao.DataAccessException;

/**
 * The cause class of a failure inside a turn, as its {@code error} event names it, so a client (and an operator
 * reading the counts) knows whether to retry and what broke: the model ({@code model_unavailable} and the
 * generator's other codes), the cache ({@code cache_unavailable}: Redis), the store ({@code store_unavailable}:
 * PostgreSQL), the embedder ({@code embedder_unavailable}), or anything else ({@code internal_error}).
 */
final class TurnFailures {

    private TurnFailures() {}

    static String code(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof GenerationException generation) {
                return generation.code();
            }
            String type = cause.getClass().getName();
            if (type.startsWith("io.lettuce.") || type.startsWith("org.springframework.data.redis.")) {
                return "cache_unavailable";
            }
            if (type.startsWith("ai.onnxruntime.") || type.contains(".embedding.")) {
                return "embedder_unavailable";
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessException || cause instanceof SQLException) {
                return "store_unavailable";
            }
        }
        return "internal_error";
    }

    /** What the client is told: what broke, and that asking again later is the remedy. */
    static String message(String code) {
        return switch (code) {
            case "cache_unavailable" ->
                "The turn could not be answered: the session store (Redis) did not answer." + " Ask again in a moment.";
            case "store_unavailable" ->
                "The turn could not be answered: the candidate's documents could not be read"
                        + " (the database did not answer). Ask again in a moment.";
            case "embedder_unavailable" ->
                "The turn could not be answered: the question could not be embedded." + " Ask again in a moment.";
            case "dead_lettered" -> "The turn could not be answered and was set aside for an operator to look at.";
            default -> "The turn could not be answered because of an internal error. Ask again in a moment.";
        };
    }
}
