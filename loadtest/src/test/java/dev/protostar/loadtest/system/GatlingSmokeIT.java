package dev.protostar.loadtest.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.protostar.loadtest.gatling.ClosedLoopSimulation;
import dev.protostar.loadtest.gatling.OpenLoopSimulation;
import dev.protostar.loadtest.sim.SimulatorConfig;
import io.gatling.app.Gatling$;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Gatling simulations run for a few seconds with a handful of users against a whole stack, so they
 * cannot rot: every request must succeed (the stack is far from overloaded), checked by Gatling's own
 * assertions through its exit code. Reports land in {@code target/gatling-smoke}.
 */
class GatlingSmokeIT {

    private static final Map<String, String> COMMON = Map.of(
            "protostar.duration", "3",
            "protostar.give-up", "20",
            "protostar.max-failed-percent", "0");

    private static Stack stack;
    private static ApiClient api;
    private static String candidateId;

    @BeforeAll
    static void start() throws Exception {
        stack = Stack.start(SimulatorConfig.defaults()
                .withPort(0)
                .withTtftMs(150)
                .withTokensPerSecond(100)
                .withReply("A short answer for the smoke run [1]."));
        api = stack.chatApi("gatling-chat-api");
        stack.worker("gatling-worker", "active", Map.of());
        // No documents: the worker refuses, streaming the refusal as deltas, which is all the harness needs.
        candidateId = api.createCandidate(stack.adminKey, "Gatling smoke " + UUID.randomUUID());
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @AfterEach
    void clearProperties() {
        System.getProperties().keySet().removeIf(key -> key.toString().startsWith("protostar."));
    }

    @Test
    void the_open_model_simulation_runs_clean_against_the_stack() {
        assertThat(run(OpenLoopSimulation.class, Map.of("protostar.rate", "2"))).isZero();
    }

    @Test
    void the_closed_model_simulation_runs_clean_against_the_stack() {
        assertThat(run(ClosedLoopSimulation.class, Map.of("protostar.users", "3", "protostar.think", "0.5")))
                .isZero();
    }

    private static int run(Class<?> simulation, Map<String, String> settings) {
        System.setProperty("protostar.base-url", api.baseUrl());
        System.setProperty("protostar.key", stack.recruiterKey);
        System.setProperty("protostar.candidate", candidateId);
        COMMON.forEach(System::setProperty);
        settings.forEach(System::setProperty);
        return Gatling$.MODULE$.fromArgs(new String[] {
            "--simulation",
            simulation.getName(),
            "--results-folder",
            Path.of("target", "gatling-smoke").toAbsolutePath().toString()
        });
    }
}
