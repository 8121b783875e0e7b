package dev.protostar.worker.status;

import dev.protostar.worker.WorkerProperties;
import dev.protostar.worker.generate.LlmBreaker;
import dev.protostar.worker.generate.ModelStreams;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

/** {@code GET /actuator/worker}, {@code POST /actuator/worker/promote|demote} on the management port. */
@Component
@Endpoint(id = "worker")
class WorkerEndpoint {

    private final WorkerRole role;
    private final LlmBreaker breaker;
    private final ModelStreams streams;
    private final WorkerProperties properties;

    WorkerEndpoint(WorkerRole role, LlmBreaker breaker, ModelStreams streams, WorkerProperties properties) {
        this.role = role;
        this.breaker = breaker;
        this.streams = streams;
        this.properties = properties;
    }

    @ReadOperation
    Map<String, Object> status() {
        return Map.of(
                "role", role.current(),
                "inFlight", role.inFlight(),
                "capacity", role.consuming() ? streams.capacity(properties.maxInFlight()) : 0,
                "modelStreams", streams.open(),
                "oldestQueuedMs", role.oldestQueuedMillis(),
                "breaker", breaker.state(),
                "breakerOpenRemainingMs", breaker.openRemainingMillis());
    }

    @WriteOperation
    Map<String, Object> change(@Selector String action) throws Exception {
        switch (action) {
            case "promote" -> role.promote();
            case "demote" -> role.demote();
            default -> throw new IllegalArgumentException("Unknown action " + action + "; use promote or demote");
        }
        return status();
    }
}
