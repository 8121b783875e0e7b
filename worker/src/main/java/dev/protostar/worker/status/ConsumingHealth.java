package dev.protostar.worker.status;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** DOWN while an ACTIVE worker's consumer is not consuming: it is up, but takes no turns. */
@Component("consuming")
class ConsumingHealth implements HealthIndicator {

    private final WorkerRole role;

    ConsumingHealth(WorkerRole role) {
        this.role = role;
    }

    @Override
    public Health health() {
        Health.Builder health = role.consuming() ? Health.up() : Health.down();
        return health.withDetail("role", role.current()).build();
    }
}
