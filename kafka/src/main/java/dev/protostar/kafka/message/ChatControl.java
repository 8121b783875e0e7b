package dev.protostar.kafka.message;

/**
 * A command about a running turn on {@code chat-control}, keyed by session.
 *
 * @param reason why, for the {@code error} event the worker answers with (e.g. "client disconnected")
 */
public record ChatControl(String requestId, String sessionId, Action action, String reason) {

    public enum Action {
        CANCEL
    }
}
