package dev.protostar.chat.intake;

import dev.protostar.kafka.Json;
import dev.protostar.kafka.message.ChatControl;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
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
                .process(exchange -> {
                    ChatControl control = exchange.getMessage().getBody(ChatControl.class);
                    exchange.getMessage().setHeader(KafkaConstants.KEY, control.sessionId());
                    exchange.getMessage().setBody(Json.write(control));
                })
                .to("kafka:{{protostar.topics.chat-control}}");
    }
}
