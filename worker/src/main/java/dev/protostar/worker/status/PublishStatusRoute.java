package dev.protostar.worker.status;

import dev.protostar.kafka.Json;
import dev.protostar.kafka.message.WorkerStatus;
import dev.protostar.worker.WorkerProperties;
import java.time.Instant;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.springframework.stereotype.Component;

/** A heartbeat every second on the compacted {@code worker-status}: what the dam may count on. */
@Component
class PublishStatusRoute extends RouteBuilder {

    static final String ID = "publish-status";

    private final WorkerRole role;
    private final WorkerProperties properties;

    PublishStatusRoute(WorkerRole role, WorkerProperties properties) {
        this.role = role;
        this.properties = properties;
    }

    @Override
    public void configure() {
        from("timer:worker-status?period={{protostar.worker.status-interval-ms}}")
                .routeId(ID)
                .process(exchange -> {
                    WorkerStatus status = new WorkerStatus(
                            properties.id(),
                            role.current(),
                            properties.maxInFlight(),
                            role.inFlight(),
                            0,
                            "CLOSED",
                            0,
                            Instant.now());
                    exchange.getMessage().setHeader(KafkaConstants.KEY, properties.id());
                    exchange.getMessage().setBody(Json.write(status));
                })
                .to("kafka:{{protostar.topics.worker-status}}");
    }
}
