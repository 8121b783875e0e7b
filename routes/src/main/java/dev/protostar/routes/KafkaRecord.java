package dev.protostar.routes;

import dev.protostar.kafka.Json;
import java.util.function.Function;
import org.apache.camel.Processor;
import org.apache.camel.component.kafka.KafkaConstants;

/** Prepares a message record for a {@code kafka:} endpoint: its JSON as the body, its key as the key. */
public final class KafkaRecord {

    private KafkaRecord() {}

    /** E.g. {@code .process(KafkaRecord.keyedBy(ChatRequest.class, ChatRequest::sessionId))}. */
    public static <T> Processor keyedBy(Class<T> type, Function<T, String> key) {
        return exchange -> {
            T message = exchange.getMessage().getMandatoryBody(type);
            exchange.getMessage().setHeader(KafkaConstants.KEY, key.apply(message));
            exchange.getMessage().setBody(Json.write(message));
        };
    }
}
