package dev.protostar.chat.ingestion;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.springframework.stereotype.Component;

/**
 * {@code ingest-progress} into the {@link ProgressHub}. Every instance reads every partition (no group)
 * from {@code progress-rewind} back, so any instance can serve any ingestion's progress, running or just ended.
 */
@Component
class StreamProgressRoute extends RouteBuilder {

    static final String ID = "stream-progress";

    private final ProgressHub hub;

    StreamProgressRoute(ProgressHub hub) {
        this.hub = hub;
    }

    @Override
    public void configure() {
        from("kafka-tail:{{protostar.topics.ingest-progress}}?rewindMs={{protostar.documents.progress-rewind}}")
                .routeId(ID)
                .process(exchange -> {
                    var message = exchange.getMessage();
                    hub.accept(Progress.of(
                            message.getHeader(KafkaConstants.OFFSET, Long.class), message.getBody(byte[].class)));
                });
    }
}
