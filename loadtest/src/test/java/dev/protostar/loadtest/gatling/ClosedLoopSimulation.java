package dev.protostar.loadtest.gatling;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.exponentialPauses;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.group;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * Closed model (flow-control.md §11.1): a fixed population of recruiters, each asking, reading the answer,
 * thinking (exponentially distributed around {@code think}) and asking again. A user gives up on an answer
 * after {@code give-up} seconds and closes the stream. A question rejected with 429 or 503 is sent again
 * after its Retry-After (1 s when absent), at most {@code retries} times: the naive clients whose
 * retries can turn overload into a retry storm.
 *
 * <p>{@code ./protostar gatling closed --users=20 --duration=120 --think=5 --give-up=30 --retries=3}
 */
public class ClosedLoopSimulation extends Simulation {

    private final LoadSettings settings = LoadSettings.fromEnvironment();
    private final ChatTurns turns = new ChatTurns(settings);

    private final ScenarioBuilder users = scenario("closed-loop users")
            .during(settings.duration(), false)
            .on(exec(Session::markAsSucceeded)
                    .exec(turns.takeSession())
                    .exec(turns.openStream())
                    .exec(askWithRetries())
                    .doIf(ChatTurns::accepted)
                    .then(turns.awaitEnd())
                    .exec(turns.closeStream())
                    .exec(pause(settings.think(), exponentialPauses)));

    {
        setUp(users.injectOpen(rampUsers(settings.users()).during(rampTime())))
                .protocols(turns.protocol())
                .assertions(
                        details("create session").failedRequests().count().is(0L),
                        global().failedRequests().percent().lte(settings.maxFailedPercent()));
    }

    /** The first try and up to {@code retries} more, each after the Retry-After of the rejection before it. */
    private ChainBuilder askWithRetries() {
        return exec(session -> session.set("tries", 0).remove("status"))
                .exec(asLongAs(this::tryAgain)
                        .on(exec(session -> session.set("tries", session.getInt("tries") + 1))
                                .exec(group(ChatTurns.TTFD_GROUP)
                                        .on(turns.post()
                                                .doIf(ChatTurns::accepted)
                                                .then(turns.awaitFirstOutput())))
                                .doIf(this::retryable)
                                .then(pause(ClosedLoopSimulation::retryAfter))));
    }

    private boolean tryAgain(Session session) {
        return session.getInt("tries") == 0 || retryable(session);
    }

    /** Rejected by the dam (429/503), with tries left. */
    private boolean retryable(Session session) {
        if (!session.contains("status") || session.getInt("tries") > settings.retries()) {
            return false;
        }
        int status = session.getInt("status");
        return status == 429 || status == 503;
    }

    private static Duration retryAfter(Session session) {
        String value = session.getString("retryAfter");
        try {
            return Duration.ofSeconds(value == null ? 1 : Math.max(0, Long.parseLong(value.strip())));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(1); // an HTTP-date: not worth parsing for a load test
        }
    }

    /**
     * Users join over a tenth of the run, between 1 and 10 s, so they do not all ask in the same instant. At
     * least a second: when a ramp is shorter than Gatling's first injection batch, its injector reports
     * every user stopped before any started and ends the run at once.
     */
    private Duration rampTime() {
        return Duration.ofMillis(Math.clamp(settings.duration().toMillis() / 10, 1_000, 10_000));
    }
}
