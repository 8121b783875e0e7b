package dev.protostar.chat.stream;

import dev.protostar.kafka.message.ChatEvent;

/** An answer event with its place in the session's partition; the offset is the SSE {@code id:}. */
record Envelope(long offset, ChatEvent event, String json) {}
