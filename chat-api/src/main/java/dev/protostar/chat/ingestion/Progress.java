package dev.protostar.chat.ingestion;

import dev.protostar.kafka.Json;
import dev.protostar.kafka.message.IngestProgress;
import java.nio.charset.StandardCharsets;

/**
 * An {@code ingest-progress} event with its offset, which is the SSE {@code id:}: one ingestion's events
 * share a partition (the key is the ingestion id), so the offset orders them and every instance agrees on it.
 * An event built from the database row has no offset ({@link #NO_OFFSET}).
 */
record Progress(long offset, IngestProgress event, String json) {

    static final long NO_OFFSET = -1;

    static Progress of(long offset, byte[] value) {
        return new Progress(offset, Json.read(value, IngestProgress.class), new String(value, StandardCharsets.UTF_8));
    }

    static Progress stored(IngestProgress event) {
        return new Progress(NO_OFFSET, event, Json.writeString(event));
    }

    boolean isFinal() {
        return event.isFinal();
    }
}
