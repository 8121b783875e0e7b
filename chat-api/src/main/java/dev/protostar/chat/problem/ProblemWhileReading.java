package dev.protostar.chat.problem;

import java.io.IOException;
import java.util.Optional;

/**
 * An {@link ApiProblem} raised by a read of the request body (a body past its cap): an IOException, as readers
 * of a stream expect, so JSON parsers pass it on as the cause of their own failure instead of swallowing it.
 */
public class ProblemWhileReading extends IOException {

    private final ApiProblem problem;

    public ProblemWhileReading(ApiProblem problem) {
        super(problem.getMessage(), null);
        this.problem = problem;
    }

    public ApiProblem problem() {
        return problem;
    }

    /** The problem behind {@code failure}, if a read of the body raised one anywhere in its causes. */
    public static Optional<ApiProblem> in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProblemWhileReading reading) {
                return Optional.of(reading.problem());
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // an answer to the client, not a fault: no stack to walk (as ApiProblem)
    }
}
