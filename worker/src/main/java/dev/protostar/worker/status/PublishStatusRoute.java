package dev.protostar.worker.status;

import dev.protostar.kafka.message.WorkerStatus;
import dev.protostar.routes.KafkaRecord;
import dev.protostar.worker.WorkerProperties;
import java.time.Instant;
import org.apache.camel.builder.RouteBuilder;
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
                .process(exchange -> exchange.getMessage()
                        .setBody(new WorkerStatus(
                                properties.id(),
                                role.current(),
                                properties.maxInFlight(),
                                role.inFlight(),
                                0,
                                "CLOSED",
                                0,
                                Instant.now())))
                .process(KafkaRecord.keyedBy(WorkerStatus.class, WorkerStatus::workerId))
                .to("kafka:{{protostar.topics.worker-status}}");
    }
}
