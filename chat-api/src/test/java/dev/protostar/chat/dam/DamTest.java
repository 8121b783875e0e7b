package dev.protostar.chat.dam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.protostar.chat.problem.ApiProblem;
import dev.protostar.kafka.message.ChatEvent;
import dev.protostar.kafka.message.Priority;
import dev.protostar.kafka.message.WorkerStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The capacity side of the dam on a clock the test moves: slots held for the whole turn and given back at
 * its end, lower priorities shed first, the workers' ceiling and breakers, deadlines, leases, shadow mode.
 */
class DamTest {

    private static final Instant START = Instant.parse("2026-11-25T12:00:00Z");

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final InstantSource clock = () -> START.plusNanos(nanos.get());
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Workers workers = new Workers(Duration.ofSeconds(3), clock, 1);
    private final Quotas quotas = new Quotas(
            new QuotaProperties(1000, 10_000_000, Map.of(), 1, false, Duration.ofMillis(250), Duration.ofSeconds(5)),
            new LocalBuckets(1, nanos::get),
            meters,
            nanos::get,
            Runnable::run);
    private int turns;

    private Dam dam(int limit, Set<String> shadow) {
        return dam(limit, shadow, DamProperties.Mode.DAM, null, quotas);
    }

    private Dam dam(int limit, Set<String> shadow, DamProperties.Mode mode, Baseline baseline, Quotas quotas) {
        AdaptiveLimit adaptive =
                new AdaptiveLimit(AdaptiveLimitSettings.defaults().withBounds(limit, limit, limit), nanos::get);
        DamProperties properties = new DamProperties(
                new DamProperties.Limit(limit, limit, limit),
                0.5,
                0.25,
                3500,
                700,
                Duration.ofSeconds(1),
                Duration.ofSeconds(3),
                Duration.ofSeconds(30),
                shadow,
                mode,
                limit);
        return new Dam(
                properties,
                workers,
                adaptive,
                quotas,
                baseline,
                new DamMetrics(meters),
                clock,
                nanos::get,
                Runnable::run);
    }

    private Ticket ticket(Priority priority, Duration deadline) {
        Instant now = clock.instant();
        return new Ticket("turn-" + ++turns, "session-" + turns, "acme", priority, now, now.plus(deadline), 4000);
    }

    private Ticket admit(Dam dam, Priority priority) {
        Ticket ticket = ticket(priority, Duration.ofMinutes(2));
        dam.admit(ticket, dam.quota(ticket).reservation());
        return ticket;
    }

    private static ApiProblem refusal(Runnable admission) {
        try {
            admission.run();
        } catch (ApiProblem problem) {
            return problem;
        }
        throw new AssertionError("admitted");
    }

    private void tick(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }

    private void heartbeat(String worker, int capacity, String breaker, long openMs, long queuedMs) {
        workers.accept(new WorkerStatus(
                worker, WorkerStatus.Role.ACTIVE, capacity, 0, queuedMs, breaker, openMs, clock.instant()));
    }

    @Test
    void a_slot_is_held_until_the_turn_ends_not_until_it_is_admitted() {
        Dam dam = dam(2, Set.of());
        Ticket first = admit(dam, Priority.INTERACTIVE);
        admit(dam, Priority.INTERACTIVE);

        ApiProblem refused = refusal(() -> admit(dam, Priority.INTERACTIVE));
        assertThat(refused.status().value()).isEqualTo(503);
        assertThat(refused.toProblemDetail().getProperties()).containsEntry("gate", "capacity");
        assertThat(refused.retryAfter()).isPositive();

        dam.observe(new ChatEvent.Delta(first.requestId(), 1, "Hello"));
        assertThat(dam.inFlight()).as("streaming still holds the slot").isEqualTo(2);
        dam.observe(new ChatEvent.Done(first.requestId(), 2, false, false, null, null));
        assertThat(dam.inFlight()).isEqualTo(1);
        admit(dam, Priority.INTERACTIVE);
    }

    @Test
    void an_error_event_frees_the_slot_and_an_unknown_turn_changes_nothing() {
        Dam dam = dam(2, Set.of());
        Ticket turn = admit(dam, Priority.INTERACTIVE);

        dam.observe(new ChatEvent.Error("admitted-elsewhere", 1, "cancelled", "by its client"));
        assertThat(dam.inFlight()).isEqualTo(1);
        dam.observe(new ChatEvent.Error(turn.requestId(), 1, "cancelled", "by its client"));
        dam.observe(new ChatEvent.Error(turn.requestId(), 1, "cancelled", "by its client"));
        assertThat(dam.inFlight()).isZero();
    }

    @Test
    void bulk_and_replayed_turns_only_fill_their_share_so_they_are_shed_first() {
        Dam dam = dam(4, Set.of());
        admit(dam, Priority.BULK);
        admit(dam, Priority.BULK);
        assertThat(refusal(() -> admit(dam, Priority.BULK)).status().value()).isEqualTo(503);
        assertThat(refusal(() -> admit(dam, Priority.REPLAY)).status().value())
                .as("a quarter of 4 is one slot, and two are taken")
                .isEqualTo(503);

        admit(dam, Priority.INTERACTIVE);
        admit(dam, Priority.INTERACTIVE);
        assertThat(dam.inFlight()).isEqualTo(4);
    }

    @Test
    void never_admits_more_than_the_live_workers_hold() {
        Dam dam = dam(10, Set.of());
        heartbeat("w1", 1, "CLOSED", 0, 0);
        heartbeat("w2", 2, "CLOSED", 0, 0);
        admit(dam, Priority.INTERACTIVE);
        admit(dam, Priority.INTERACTIVE);
        admit(dam, Priority.INTERACTIVE);

        assertThat(refusal(() -> admit(dam, Priority.INTERACTIVE)).status().value())
                .isEqualTo(503);

        tick(Duration.ofSeconds(4));
        assertThat(dam.limit()).as("silent workers no longer cap the limit").isEqualTo(10);
    }

    @Test
    void each_chat_api_instance_admits_its_share_of_the_workers_capacity_rounded_up() {
        Workers shared = new Workers(Duration.ofSeconds(3), clock, 3);
        shared.accept(new WorkerStatus("w1", WorkerStatus.Role.ACTIVE, 8, 0, 0, "CLOSED", 0, clock.instant()));

        assertThat(shared.capacity()).hasValue(8);
        assertThat(shared.share()).hasValue(3);
        shared.accept(new WorkerStatus("w1", WorkerStatus.Role.ACTIVE, 1, 0, 0, "CLOSED", 0, clock.instant()));
        assertThat(shared.share()).as("never zero while a worker holds one").hasValue(1);
    }

    @Test
    void sheds_at_once_while_every_worker_breaker_is_open_with_the_time_they_try_again() {
        Dam dam = dam(10, Set.of());
        heartbeat("w1", 8, "OPEN", 12_000, 0);
        heartbeat("w2", 8, "OPEN", 7_000, 0);

        ApiProblem refused = refusal(() -> admit(dam, Priority.INTERACTIVE));
        assertThat(refused.toProblemDetail().getProperties()).containsEntry("gate", "breaker");
        assertThat(refused.retryAfterSeconds()).isEqualTo(7);

        heartbeat("w2", 8, "CLOSED", 0, 0);
        admit(dam, Priority.INTERACTIVE);
        heartbeat("w2", 8, "OPEN_OFFLINE", 5_000, 0);
        admit(dam, Priority.INTERACTIVE);
    }

    @Test
    void refuses_at_once_a_turn_that_could_not_start_before_its_deadline() {
        Dam dam = dam(10, Set.of());
        Ticket taught = admit(dam, Priority.INTERACTIVE);
        tick(Duration.ofSeconds(2));
        dam.observe(new ChatEvent.Delta(taught.requestId(), 1, "first token after 2 s"));
        heartbeat("w1", 8, "CLOSED", 0, 1500);

        Ticket hurried = ticket(Priority.INTERACTIVE, Duration.ofSeconds(3));
        ApiProblem refused = refusal(() -> dam.admit(hurried, dam.quota(hurried).reservation()));
        assertThat(refused.toProblemDetail().getProperties()).containsEntry("gate", "deadline");
        assertThat(refused.retryAfter()).isGreaterThanOrEqualTo(Duration.ofMillis(3500));

        Ticket patient = ticket(Priority.INTERACTIVE, Duration.ofSeconds(10));
        dam.admit(patient, dam.quota(patient).reservation());
    }

    @Test
    void a_lost_end_is_reclaimed_once_the_lease_runs_out() {
        Dam dam = dam(1, Set.of());
        Ticket lost = ticket(Priority.INTERACTIVE, Duration.ofSeconds(20));
        dam.admit(lost, dam.quota(lost).reservation());

        tick(Duration.ofSeconds(45));
        dam.reap();
        assertThat(dam.inFlight()).isEqualTo(1);

        tick(Duration.ofSeconds(10));
        dam.reap();
        assertThat(dam.inFlight()).isZero();
        assertThat(meters.counter("protostar.dam.released", "how", "lease_expired")
                        .count())
                .isEqualTo(1);
    }

    @Test
    void a_gate_in_shadow_mode_counts_what_it_would_refuse_and_admits_it() {
        Dam dam = dam(1, Set.of("capacity"));
        admit(dam, Priority.INTERACTIVE);
        admit(dam, Priority.INTERACTIVE);

        assertThat(dam.inFlight()).isEqualTo(2);
        assertThat(meters.counter(DamMetrics.SHADOW_REJECTED, "gate", "capacity", "reason", "at-limit")
                        .count())
                .isEqualTo(1);
        assertThat(meters.find(DamMetrics.REJECTED).counter()).isNull();
    }

    @Test
    void a_turn_that_never_reached_kafka_gives_back_its_slot_and_its_tokens() {
        Dam dam = dam(1, Set.of());
        Ticket turn = ticket(Priority.INTERACTIVE, Duration.ofMinutes(2));
        Admission.Granted granted = dam.quota(turn);
        dam.admit(turn, granted.reservation());

        dam.notSent(turn.requestId());

        assertThat(dam.inFlight()).isZero();
        // A reservation takes at least one token: all but that one are back.
        Admission again = quotas.reserve("acme", 1);
        assertThat(again.usage())
                .filteredOn(u -> u.quota() == Quota.TOKENS)
                .singleElement()
                .satisfies(u -> assertThat(u.remaining()).isEqualTo(10_000_000 - 1));
    }

    @Test
    void provider_429s_and_stalls_are_capacity_signals_cancellations_are_not() {
        assertThat(Dam.drop("llm_rate_limited")).contains(AdaptiveLimit.Drop.BACKPRESSURE);
        assertThat(Dam.drop("llm_stalled")).contains(AdaptiveLimit.Drop.TIMEOUT);
        assertThat(Dam.drop("deadline_exceeded")).contains(AdaptiveLimit.Drop.TIMEOUT);
        assertThat(Dam.drop("llm_error")).contains(AdaptiveLimit.Drop.FAILURE);
        assertThat(Dam.drop("cancelled")).isEmpty();
        assertThat(Dam.drop("llm_unavailable")).isEmpty();
    }

    @Test
    void the_quota_gate_answers_429_with_the_rate_limit_fields() {
        Quotas tight = new Quotas(
                new QuotaProperties(1, 10_000_000, Map.of(), 1, false, Duration.ofMillis(250), Duration.ofSeconds(5)),
                new LocalBuckets(1, nanos::get),
                meters,
                nanos::get,
                Runnable::run);
        Dam dam = dam(4, Set.of(), DamProperties.Mode.DAM, null, tight);
        dam.quota(ticket(Priority.INTERACTIVE, Duration.ofMinutes(2)));

        ApiProblem refused = refusal(() -> dam.quota(ticket(Priority.INTERACTIVE, Duration.ofMinutes(2))));

        assertThat(refused.status().value()).isEqualTo(429);
        assertThat(refused.toProblemDetail().getProperties()).containsEntry("gate", "quota");
        assertThat(refused.headers()).containsKeys("RateLimit", "RateLimit-Policy");
        assertThat(refused.headers().get("RateLimit-Policy")).contains("\"requests\";q=1;w=60");
        assertThat(refused.retryAfterSeconds()).isBetween(1L, 60L);
    }

    @Test
    void a_baseline_decides_alone_and_holds_its_permit_until_the_turn_ends() {
        Dam dam = dam(2, Set.of(), DamProperties.Mode.BULKHEAD, new Baseline.StaticBulkhead(2), quotas);
        heartbeat("w1", 8, "OPEN", 5_000, 0);
        Ticket first = admit(dam, Priority.REPLAY);
        admit(dam, Priority.REPLAY);

        ApiProblem refused = refusal(() -> admit(dam, Priority.INTERACTIVE));
        assertThat(refused.toProblemDetail().getProperties()).containsEntry("gate", "bulkhead");

        dam.observe(new ChatEvent.Done(first.requestId(), 2, false, false, null, null));
        admit(dam, Priority.INTERACTIVE);
        assertThat(dam.inFlight()).isEqualTo(2);
    }

    @Test
    void no_dam_admits_everything_and_still_counts_what_is_in_flight() {
        Dam dam = dam(1, Set.of(), DamProperties.Mode.NONE, new Baseline.None(), quotas);
        for (int i = 0; i < 50; i++) {
            admit(dam, Priority.INTERACTIVE);
        }
        assertThat(dam.inFlight()).isEqualTo(50);
    }

    @Test
    void netflix_gradient2_holds_its_permit_for_the_whole_stream() {
        Baseline.NetflixGradient2 gradient2 = new Baseline.NetflixGradient2();
        int admitted = 0;
        while (gradient2.tryEnter(ticket(Priority.INTERACTIVE, Duration.ofMinutes(2)))) {
            admitted++;
            assertThat(admitted).as("Gradient2 starts at a limit of 20").isLessThanOrEqualTo(1000);
        }
        assertThat(admitted).isEqualTo(20);

        gradient2.exit("turn-1", null);
        assertThat(gradient2.tryEnter(ticket(Priority.INTERACTIVE, Duration.ofMinutes(2))))
                .isTrue();
        gradient2.exit("never-admitted", null);
        assertThat(gradient2.tryEnter(ticket(Priority.INTERACTIVE, Duration.ofMinutes(2))))
                .isFalse();
    }
}
