package dev.protostar.chat.dam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.protostar.chat.dam.Admission.Granted;
import dev.protostar.chat.dam.Admission.Rejected;
import dev.protostar.chat.dam.QuotaProperties.Limits;
import dev.protostar.chat.dam.Reservation.Ledger;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The gate's logic over in-memory buckets: a {@link LocalBuckets} of one instance stands in for Redis. */
class QuotasTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void reserving_beyond_the_tokens_per_minute_is_rejected_until_enough_has_refilled() {
        Quotas quotas = quotas(properties(60, 6_000, false));
        assertThat(quotas.reserve("acme", 5_000)).isInstanceOf(Granted.class);

        Admission admission = quotas.reserve("acme", 3_000);

        Rejected rejected = (Rejected) admission;
        assertThat(rejected.quota()).isEqualTo(Quota.TOKENS);
        // 1,000 left, 2,000 missing at 100 tokens/s
        assertThat(rejected.retryAfter()).isEqualTo(Duration.ofSeconds(20));
        assertThat(admission.rateLimit()).isEqualTo("\"tokens\";r=1000;t=20");
        assertThat(admission.rateLimitPolicy()).isEqualTo("\"requests\";q=60;w=60, \"tokens\";q=6000;w=60");
        assertThat(rejected("tokens")).isEqualTo(1);

        now.addAndGet(TimeUnit.SECONDS.toNanos(20));
        assertThat(quotas.reserve("acme", 3_000)).isInstanceOf(Granted.class);
    }

    @Test
    void retry_after_is_rounded_up_to_whole_seconds() {
        Quotas quotas = quotas(properties(60, 6_000, false));
        quotas.reserve("acme", 6_000);

        Rejected rejected = (Rejected) quotas.reserve("acme", 150); // 1.5 s of refill

        assertThat(rejected.retryAfter()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void settling_gives_back_unused_tokens_so_a_following_reservation_fits() {
        Quotas quotas = quotas(properties(60, 10_000, false));
        Granted first = (Granted) quotas.reserve("acme", 8_000);
        assertThat(quotas.reserve("acme", 5_000)).isInstanceOf(Rejected.class);

        quotas.settle(first.reservation(), 2_000);

        assertThat(quotas.reserve("acme", 5_000)).isInstanceOf(Granted.class);
    }

    @Test
    void settling_charges_an_overrun_so_the_tenant_waits_for_it() {
        Quotas quotas = quotas(properties(60, 6_000, false));
        Granted first = (Granted) quotas.reserve("acme", 1_000);

        quotas.settle(first.reservation(), 7_000); // 6,000 beyond the reservation: the bucket owes 1,000

        Rejected rejected = (Rejected) quotas.reserve("acme", 100);
        assertThat(rejected.quota()).isEqualTo(Quota.TOKENS);
        assertThat(rejected.retryAfter()).isEqualTo(Duration.ofSeconds(11)); // 1,100 tokens at 100/s
    }

    @Test
    void the_requests_quota_counts_turns_whatever_their_tokens() {
        Quotas quotas = quotas(properties(3, 60_000, false));
        for (int i = 0; i < 3; i++) {
            assertThat(quotas.reserve("acme", 10)).isInstanceOf(Granted.class);
        }

        Rejected rejected = (Rejected) quotas.reserve("acme", 10);

        assertThat(rejected.quota()).isEqualTo(Quota.REQUESTS);
        assertThat(rejected.retryAfter()).isEqualTo(Duration.ofSeconds(20)); // one request per 20 s
        assertThat(rejected.rateLimit()).isEqualTo("\"requests\";r=0;t=20");
        assertThat(rejected("requests")).isEqualTo(1);
    }

    @Test
    void a_turn_refused_for_tokens_does_not_count_against_the_requests_quota() {
        Quotas quotas = quotas(properties(2, 1_000, false));
        quotas.reserve("acme", 1_000);
        for (int i = 0; i < 5; i++) {
            assertThat(((Rejected) quotas.reserve("acme", 500)).quota()).isEqualTo(Quota.TOKENS);
        }

        now.addAndGet(TimeUnit.SECONDS.toNanos(30)); // 500 tokens and one request back

        Granted granted = (Granted) quotas.reserve("acme", 500);
        assertThat(granted.rateLimit()).startsWith("\"requests\";r=1;"); // only the two granted turns counted
    }

    @Test
    void a_turn_refused_for_requests_gives_back_the_tokens_taken_beside_it() {
        LocalBuckets shared = new LocalBuckets(1, now::get);
        List<String> beside = new ArrayList<>();
        // quotas too small for a lease (1% of 150 is less than 2 tokens): every turn asks the shared buckets
        Quotas quotas = new Quotas(properties(1, 150, false), shared, meters, now::get, task -> {
            beside.add(Thread.currentThread().getName());
            task.run();
        });
        quotas.reserve("acme", 100);

        Rejected rejected = (Rejected) quotas.reserve("acme", 20);

        assertThat(rejected.quota()).isEqualTo(Quota.REQUESTS);
        // per turn the tokens bucket is asked beside the requests bucket; the refused one's refund goes there too
        assertThat(beside).hasSize(3);
        assertThat(shared.bucket("acme", Quota.TOKENS, 150).getAvailableTokens())
                .isEqualTo(50);
    }

    @Test
    void granted_turns_report_what_is_left_of_both_quotas() {
        Quotas quotas = quotas(properties(60, 60_000, false));

        Granted granted = (Granted) quotas.reserve("acme", 1_500);

        assertThat(granted.reservation()).isEqualTo(new Reservation("acme", 1_500, Ledger.SHARED));
        // refilled in 1 s and 1.5 s
        assertThat(granted.rateLimit()).isEqualTo("\"requests\";r=59;t=1, \"tokens\";r=58500;t=2");
    }

    @Test
    void tenants_are_independent_and_may_have_quotas_of_their_own() {
        QuotaProperties properties = new QuotaProperties(
                60,
                1_000,
                Map.of("big", new Limits(0, 100_000)),
                1,
                false,
                Duration.ofMillis(250),
                Duration.ofSeconds(5));
        Quotas quotas = quotas(properties);
        quotas.reserve("small", 1_000);

        assertThat(quotas.reserve("small", 100)).isInstanceOf(Rejected.class);
        assertThat(quotas.reserve("big", 50_000)).isInstanceOf(Granted.class);
        assertThat(quotas.reserve("big", 1).rateLimitPolicy())
                .isEqualTo("\"requests\";q=60;w=60, \"tokens\";q=100000;w=60");
    }

    @Test
    void an_estimate_above_the_whole_quota_takes_the_whole_minute_instead_of_waiting_forever() {
        Quotas quotas = quotas(properties(60, 1_000, false));

        Granted granted = (Granted) quotas.reserve("acme", 5_000);

        assertThat(granted.reservation().tokens()).isEqualTo(1_000);
    }

    @Test
    void shadow_mode_admits_what_it_would_refuse_counts_it_and_reserves_nothing() {
        Quotas quotas = quotas(properties(60, 1_000, true));
        quotas.reserve("acme", 1_000);

        Admission admission = quotas.reserve("acme", 500);

        Granted granted = (Granted) admission;
        assertThat(granted.reservation().ledger()).isEqualTo(Ledger.NONE);
        assertThat(meters.counter(DamMetrics.SHADOW_REJECTED, "gate", "quota", "reason", "tokens")
                        .count())
                .isEqualTo(1);
        assertThat(rejected("tokens")).isZero();
        quotas.settle(granted.reservation(), 800); // nothing to settle
        now.addAndGet(TimeUnit.SECONDS.toNanos(30));
        assertThat(quotas.reserve("acme", 500).usage().get(1).remaining()).isZero();
    }

    @Test
    void when_the_shared_store_fails_the_instance_decides_with_its_share_and_tries_the_store_again_later() {
        AtomicInteger calls = new AtomicInteger();
        LocalBuckets healthy = new LocalBuckets(1, now::get);
        AtomicLong failUntil = new AtomicLong(Long.MAX_VALUE);
        BucketSource flaky = (tenant, quota, perMinute) -> {
            calls.incrementAndGet();
            if (now.get() < failUntil.get()) {
                throw new IllegalStateException("Redis is down");
            }
            return healthy.bucket(tenant, quota, perMinute);
        };
        QuotaProperties properties =
                new QuotaProperties(10, 60_000, Map.of(), 2, false, Duration.ofMillis(250), Duration.ofSeconds(5));
        Quotas quotas = new Quotas(properties, flaky, meters, now::get, Runnable::run);

        int granted = 0;
        for (int i = 0; i < 8; i++) {
            if (assertNoException(quotas, "acme") instanceof Granted g) {
                assertThat(g.reservation().ledger()).isEqualTo(Ledger.LOCAL);
                granted++;
            }
        }
        assertThat(granted).isEqualTo(5); // half of 10 requests per minute
        assertThat(calls).hasValue(2); // the first turn asked for both buckets; then redis-retry leaves the store alone
        assertThat(meters.counter(DamMetrics.QUOTA_FALLBACK).count()).isEqualTo(8);

        failUntil.set(0);
        now.addAndGet(TimeUnit.SECONDS.toNanos(5));
        Granted back = (Granted) quotas.reserve("acme", 100);
        assertThat(back.reservation().ledger()).isEqualTo(Ledger.SHARED);
    }

    @Test
    void a_shared_reservation_settled_while_the_store_is_down_charges_overruns_locally_and_drops_refunds() {
        LocalBuckets healthy = new LocalBuckets(1, now::get);
        AtomicLong down = new AtomicLong();
        BucketSource flaky = (tenant, quota, perMinute) -> {
            if (down.get() == 1) {
                throw new IllegalStateException("Redis is down");
            }
            return healthy.bucket(tenant, quota, perMinute);
        };
        Quotas quotas = new Quotas(properties(60, 6_000, false), flaky, meters, now::get, Runnable::run);
        Granted refunded = (Granted) quotas.reserve("acme", 3_000);
        Granted overran = (Granted) quotas.reserve("acme", 100);
        down.set(1);

        assertThatCode(() -> quotas.settle(refunded.reservation(), 0)).doesNotThrowAnyException();
        quotas.settle(overran.reservation(), 5_100); // 5,000 beyond: the local bucket (6,000) keeps 1,000

        assertThat(quotas.reserve("acme", 1_000)).isInstanceOf(Granted.class);
        assertThat(quotas.reserve("acme", 100)).isInstanceOf(Rejected.class);
    }

    private Admission assertNoException(Quotas quotas, String tenant) {
        Admission[] admission = new Admission[1];
        assertThatCode(() -> admission[0] = quotas.reserve(tenant, 100)).doesNotThrowAnyException();
        return admission[0];
    }

    @Test
    void a_quota_the_buckets_cannot_refill_fails_the_start_not_every_turn() {
        assertThatThrownBy(() -> properties(60, 100_000_000_000L, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 60000000000 per minute");
        assertThatThrownBy(() -> new QuotaProperties(
                        60,
                        60_000,
                        Map.of("huge", new Limits(QuotaProperties.MAX_PER_MINUTE + 1, 0)),
                        1,
                        false,
                        Duration.ofMillis(250),
                        Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class);
        Quotas quotas = quotas(properties(QuotaProperties.MAX_PER_MINUTE, QuotaProperties.MAX_PER_MINUTE, false));
        assertThat(quotas.reserve("acme", 1_000_000)).isInstanceOf(Granted.class);
    }

    private Quotas quotas(QuotaProperties properties) {
        return new Quotas(properties, new LocalBuckets(1, now::get), meters, now::get, Runnable::run);
    }

    private static QuotaProperties properties(long requestsPerMinute, long tokensPerMinute, boolean shadow) {
        return new QuotaProperties(
                requestsPerMinute, tokensPerMinute, Map.of(), 1, shadow, Duration.ofMillis(250), Duration.ofSeconds(5));
    }

    private double rejected(String reason) {
        return meters.counter(DamMetrics.REJECTED, "gate", "quota", "reason", reason)
                .count();
    }
}
