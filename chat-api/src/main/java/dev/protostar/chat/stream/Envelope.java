package dev.protostar.chat.stream;

import dev.protostar.kafka.Json;
import dev.protostar.kafka.message.ChatEvent;
import java.nio.charset.StandardCharsets;

/** An answer event with its place in the session's partition; the offset is the SSE {@code id:}. */
record Envelope(long offset, ChatEvent event, String json) {

    static Envelope of(long offset, byte[] value) {
        return new Envelope(offset, Json.read(value, ChatEvent.class), new String(value, StandardCharsets.UTF_8));
    }
}
