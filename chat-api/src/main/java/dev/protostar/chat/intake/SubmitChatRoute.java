package dev.protostar.chat.intake;

import dev.protostar.kafka.Json;
import dev.protostar.kafka.message.ChatRequest;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
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
                .process(exchange -> {
                    ChatRequest request = exchange.getMessage().getBody(ChatRequest.class);
                    exchange.getMessage().setHeader(KafkaConstants.KEY, request.sessionId());
                    exchange.getMessage().setBody(Json.write(request));
                })
                .to("kafka:{{protostar.topics.chat-requests}}");
    }
}
