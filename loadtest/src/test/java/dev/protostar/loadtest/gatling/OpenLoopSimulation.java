package dev.protostar.loadtest.gatling;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * Open model (flow-control.md §11.1): questions arrive at a rate that does not depend on how fast the
 * system answers (randomized arrival times, so no coordinated omission), constant or ramping. Each arrival
 * takes an idle session or creates one, opens the event stream, asks once and reads until done or error
 * (or gives up after {@code give-up} seconds). No retries: a rejection is the system's answer to that
 * arrival.
 *
 * <p>{@code ./protostar gatling open --rate=5 --duration=60 [--ramp-to=20] [--priority=bulk]}
 */
public class OpenLoopSimulation extends Simulation {

    private final LoadSettings settings = LoadSettings.fromEnvironment();
    private final ChatTurns turns = new ChatTurns(settings);

    private final ScenarioBuilder arrivals = scenario("open-loop arrivals")
            .exec(turns.takeSession())
            .exec(turns.openStream())
            .exec(turns.askOnce())
            .doIf(ChatTurns::accepted)
            .then(turns.awaitEnd())
            .exec(turns.closeStream());

    {
        setUp(arrivals.injectOpen(profile()))
                .protocols(turns.protocol())
                .assertions(
                        details("create session").failedRequests().count().is(0L),
                        global().failedRequests().percent().lte(settings.maxFailedPercent()));
    }

    private OpenInjectionStep profile() {
        if (settings.rampTo() > 0) {
            return rampUsersPerSec(settings.rate())
                    .to(settings.rampTo())
                    .during(settings.duration())
                    .randomized();
        }
        return constantUsersPerSec(settings.rate()).during(settings.duration()).randomized();
    }
}
