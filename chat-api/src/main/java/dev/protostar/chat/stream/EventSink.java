package dev.protostar.chat.stream;

import dev.protostar.kafka.message.ChatEvent;
import java.io.IOException;

/** Where a subscriber's events go: the contract's SSE stream, an OpenAI-style stream, a collector. */
public interface EventSink {

    /**
     * Delivers one event; {@code id} is its cursor, {@code json} its wire form.
     *
     * @return false when the sink wants nothing more (its request ended)
     */
    boolean send(long id, ChatEvent event, String json) throws IOException;

    /** Nothing happened for a while: keep the connection alive. */
    default void heartbeat() throws IOException {}

    /** The subscription ended (by the sink, the client or the server). */
    void close();
}
