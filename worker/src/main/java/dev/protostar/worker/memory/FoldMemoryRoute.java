package dev.protostar.worker.memory;

import dev.protostar.kafka.message.WorkerStatus.Role;
import dev.protostar.routes.DeadLetterConfiguration;
import dev.protostar.worker.WorkerProperties;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code session-memory} → the session's summary. A consumer group of its own, keyed by session: one
 * session's folds run one at a time and in order, different sessions' at once. Like {@code answer-chat}, it
 * runs on active workers only: a standby consumes nothing until promoted.
 */
@Component
public class FoldMemoryRoute extends RouteBuilder {

    public static final String ID = "fold-memory";

    private final MemoryFolder folder;
    private final WorkerProperties properties;

    FoldMemoryRoute(MemoryFolder folder, WorkerProperties properties) {
        this.folder = folder;
        this.properties = properties;
    }

    @Override
    public void configure() {
        from("kafka-keyed:{{protostar.topics.session-memory}}?groupId=" + ID
                        + "&clientId={{protostar.worker.id}}&maxInFlight={{protostar.memory.max-in-flight}}")
                .routeId(ID)
                .routeConfigurationId(DeadLetterConfiguration.ID)
                .autoStartup(properties.role() == Role.ACTIVE)
                .process(folder);
    }
}
