package dev.protostar.kafka;

/** A record that can never be processed, however often it is retried: it belongs in the DLT. */
public class MalformedMessageException extends RuntimeException {

    public MalformedMessageException(String message, Throwable cause) {
        super(message, cause);
    }

    public MalformedMessageException(String message) {
        super(message);
    }
}
