package dev.protostar.worker.status;

import dev.protostar.worker.generate.LlmBreaker;
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

    WorkerEndpoint(WorkerRole role, LlmBreaker breaker) {
        this.role = role;
        this.breaker = breaker;
    }

    @ReadOperation
    Map<String, Object> status() {
        return Map.of(
                "role", role.current(),
                "inFlight", role.inFlight(),
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
