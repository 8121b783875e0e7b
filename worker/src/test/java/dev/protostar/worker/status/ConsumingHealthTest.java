package dev.protostar.worker.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.protostar.kafka.message.WorkerStatus.Role;
import dev.protostar.worker.WorkerProperties;
import java.time.Duration;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

class ConsumingHealthTest {

    @Test
    void an_active_worker_whose_consumer_is_not_consuming_is_down() throws Exception {
        try (var camel = new DefaultCamelContext()) {
            WorkerRole role = new WorkerRole(camel, properties(Role.ACTIVE));

            assertThat(role.consuming()).isFalse();
            assertThat(new ConsumingHealth(role).health().getStatus()).isEqualTo(Status.DOWN);
        }
    }

    @Test
    void a_standby_worker_consumes_nothing_by_design_and_is_up() throws Exception {
        try (var camel = new DefaultCamelContext()) {
            WorkerRole role = new WorkerRole(camel, properties(Role.STANDBY));

            assertThat(role.consuming()).isTrue();
            assertThat(new ConsumingHealth(role).health().getStatus()).isEqualTo(Status.UP);
        }
    }

    private static WorkerProperties properties(Role role) {
        return new WorkerProperties("w", role, 8, Duration.ofMillis(50), 200, Duration.ofHours(1));
    }
}
