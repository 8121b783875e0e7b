package dev.protostar.worker.generate;

/** A generation that ended without a complete answer; {@code code} goes into the error event. */
public class GenerationException extends RuntimeException {

    private final String code;

    public GenerationException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
