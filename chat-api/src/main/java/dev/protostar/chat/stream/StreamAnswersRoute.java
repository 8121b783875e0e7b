package dev.protostar.chat.stream;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.springframework.stereotype.Component;

/**
 * {@code chat-results} into the {@link AnswerHub}. Every instance reads every partition (no group) and
 * starts {@code stream-rewind} back, so it can serve any session, including turns already running.
 */
@Component
class StreamAnswersRoute extends RouteBuilder {

    static final String ID = "stream-answers";

    private final AnswerHub hub;

    StreamAnswersRoute(AnswerHub hub) {
        this.hub = hub;
    }

    @Override
    public void configure() {
        from("kafka-tail:{{protostar.topics.chat-results}}?rewindMs={{protostar.chat.stream-rewind}}")
                .routeId(ID)
                .process(exchange -> {
                    var message = exchange.getMessage();
                    hub.accept(
                            message.getHeader(KafkaConstants.KEY, String.class),
                            Envelope.of(
                                    message.getHeader(KafkaConstants.OFFSET, Long.class),
                                    message.getBody(byte[].class)));
                });
    }
}
