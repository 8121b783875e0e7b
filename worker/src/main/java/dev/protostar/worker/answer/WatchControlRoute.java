package dev.protostar.worker.answer;

import dev.protostar.kafka.Json;
import dev.protostar.kafka.message.ChatControl;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** {@code chat-control} into {@link CancelledTurns}; every worker reads all of it (no group). */
@Component
class WatchControlRoute extends RouteBuilder {

    static final String ID = "watch-control";

    private final CancelledTurns cancelled;

    WatchControlRoute(CancelledTurns cancelled) {
        this.cancelled = cancelled;
    }

    @Override
    public void configure() {
        from("kafka-tail:{{protostar.topics.chat-control}}?rewindMs={{protostar.worker.cancel-memory-ms}}")
                .routeId(ID)
                .process(exchange -> {
                    ChatControl control = Json.read(exchange.getMessage().getBody(byte[].class), ChatControl.class);
                    if (control.action() == ChatControl.Action.CANCEL) {
                        cancelled.cancel(control.requestId(), control.reason());
                    }
                });
    }
}
