package dev.protostar.chat.dam;

import dev.protostar.kafka.Json;
import dev.protostar.kafka.message.WorkerStatus;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code worker-status} into {@link Workers}. Every chat-api instance reads every heartbeat (no group),
 * starting a few seconds back so a fresh instance knows the workers before its first admission.
 */
@Component
class WatchWorkersRoute extends RouteBuilder {

    static final String ID = "watch-workers";

    private final Workers workers;
    private final DamProperties properties;

    WatchWorkersRoute(Workers workers, DamProperties properties) {
        this.workers = workers;
        this.properties = properties;
    }

    @Override
    public void configure() {
        from("kafka-tail:{{protostar.topics.worker-status}}?rewindMs="
                        + properties.statusFreshness().toMillis())
                .routeId(ID)
                .process(exchange ->
                        workers.accept(Json.read(exchange.getMessage().getBody(byte[].class), WorkerStatus.class)));
    }
}
