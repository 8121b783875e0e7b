package dev.protostar.chat.dam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.protostar.kafka.message.Priority;
import java.time.Instant;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Camel Throttle baseline over a real Camel context: a permit is held until the turn's end. */
class ThrottleTurnRouteTest {

    private final DefaultCamelContext camel = new DefaultCamelContext();
    private final ThrottleTurnRoute throttle = new ThrottleTurnRoute(2);

    @BeforeEach
    void start() throws Exception {
        camel.addRoutes(throttle);
        camel.start();
    }

    @AfterEach
    void stop() {
        camel.stop(); // held turns are let go, or this would wait for Camel's shutdown timeout
    }

    private static Ticket ticket(String id) {
        Instant now = Instant.now();
        return new Ticket(id, "s-" + id, "acme", Priority.INTERACTIVE, now, now.plusSeconds(60), 100);
    }

    @Test
    void refuses_once_its_permits_are_held_and_admits_again_when_a_turn_ends() {
        assertThat(throttle.tryEnter(ticket("a"))).isTrue();
        assertThat(throttle.tryEnter(ticket("b"))).isTrue();
        assertThat(throttle.tryEnter(ticket("c"))).isFalse();

        throttle.exit("a", null);

        long giveUp = System.nanoTime() + 5_000_000_000L;
        boolean admitted = false;
        while (!admitted && System.nanoTime() < giveUp) {
            admitted = throttle.tryEnter(ticket("d"));
        }
        assertThat(admitted).as("a permit freed by an ended turn").isTrue();
        assertThat(throttle.tryEnter(ticket("e"))).isFalse();
    }
}
