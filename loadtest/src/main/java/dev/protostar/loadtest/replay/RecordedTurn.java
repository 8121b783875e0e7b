package dev.protostar.loadtest.replay;

import dev.protostar.kafka.message.ChatRequest;
import java.time.Instant;

/**
 * One line of a record file: a {@code chat-requests} record as it was on the topic.
 *
 * @param timestamp the record's Kafka timestamp (when the intake produced it); replay keeps the gaps between these
 * @param partition where it was, with {@code offset}: the order of one session's turns
 * @param offset its offset in that partition
 * @param request the turn itself
 */
public record RecordedTurn(Instant timestamp, int partition, long offset, ChatRequest request) {

    public String sessionId() {
        return request.sessionId();
    }
}
