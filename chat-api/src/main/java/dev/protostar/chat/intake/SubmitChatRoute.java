package dev.protostar.chat.intake;

import dev.protostar.kafka.message.ChatRequest;
import dev.protostar.routes.KafkaRecord;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** Admitted turns onto {@code chat-requests}, keyed by session; returns once the broker has them. */
@Component
class SubmitChatRoute extends RouteBuilder {

    static final String ID = "submit-chat";
    static final String URI = "direct:" + ID;

    @Override
    public void configure() {
        from(URI)
                .routeId(ID)
                .process(KafkaRecord.keyedBy(ChatRequest.class, ChatRequest::sessionId))
                .to("kafka:{{protostar.topics.chat-requests}}");
    }
}
