package dev.protostar.chat.intake;

import dev.protostar.kafka.message.ChatControl;
import dev.protostar.routes.KafkaRecord;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** Cancellations onto {@code chat-control}, keyed by session like the turns they cancel. */
@Component
class CancelTurnRoute extends RouteBuilder {

    static final String ID = "cancel-turn";
    static final String URI = "direct:" + ID;

    @Override
    public void configure() {
        from(URI)
                .routeId(ID)
                .process(KafkaRecord.keyedBy(ChatControl.class, ChatControl::sessionId))
                .to("kafka:{{protostar.topics.chat-control}}");
    }
}
