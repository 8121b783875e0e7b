package dev.protostar.worker.status;

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

    WorkerEndpoint(WorkerRole role) {
        this.role = role;
    }

    @ReadOperation
    Map<String, Object> status() {
        return Map.of("role", role.current(), "inFlight", role.inFlight());
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
