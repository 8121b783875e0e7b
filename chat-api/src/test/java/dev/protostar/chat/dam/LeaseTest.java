package dev.protostar.chat.dam;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A lease over an in-memory bucket that stands in for Redis, on an injected clock; refills run when told. */
class LeaseTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final Bucket shared = new LocalBuckets(1, now::get).bucket("acme", Quota.REQUESTS, 60_000);
    private final AtomicInteger asked = new AtomicInteger();
    private final List<Runnable> refills = new ArrayList<>();

    @Test
    void a_busy_tenant_is_served_from_the_block_and_redis_is_asked_only_to_refill_it() {
        Lease lease = lease(1); // a block of 600

        for (int i = 0; i < 1_000; i++) {
            assertThat(lease.take(1).isConsumed()).isTrue();
            runRefills();
        }

        // the first turn, then one refill each time the block was half spent
        assertThat(asked).hasValueBetween(3, 5);
        assertThat(shared.getAvailableTokens() + held(lease)).isEqualTo(60_000 - 1_000);
    }

    @Test
    void granted_turns_report_what_the_tenant_has_left_not_what_redis_has() {
        Lease lease = lease(1);

        ConsumptionProbe first = lease.take(1);
        ConsumptionProbe second = lease.take(1);

        assertThat(shared.getAvailableTokens()).isEqualTo(60_000 - 601);
        assertThat(first.getRemainingTokens()).isEqualTo(59_999);
        assertThat(second.getRemainingTokens()).isEqualTo(59_998);
        assertThat(second.getNanosToWaitForReset()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(2)); // 1,000 a second
    }

    @Test
    void instances_spending_one_bucket_never_admit_more_than_it_holds_and_idle_leases_give_the_rest_back() {
        Lease a = lease(2); // blocks of 300
        Lease b = lease(2);
        int admitted = 0;
        for (int i = 0; i < 40_000; i++) {
            admitted += a.take(1).isConsumed() ? 1 : 0;
            admitted += b.take(1).isConsumed() ? 1 : 0;
            runRefills();
        }
        assertThat(admitted).isLessThanOrEqualTo(60_000).isGreaterThanOrEqualTo(60_000 - 2 * 300);

        a.returnIfIdle(0);
        while (b.take(1).isConsumed()) {
            admitted++;
        }

        assertThat(admitted).isEqualTo(60_000);
    }

    @Test
    void a_refusal_says_how_long_until_what_is_missing_has_refilled() {
        Lease lease = lease(1);
        lease.take(59_000);

        ConsumptionProbe refused = lease.take(3_000);

        assertThat(refused.isConsumed()).isFalse();
        // 1,000 left (600 held here): 2,000 missing at 1,000 a second
        assertThat(refused.getRemainingTokens()).isEqualTo(1_000);
        assertThat(refused.getNanosToWaitForRefill()).isEqualTo(TimeUnit.SECONDS.toNanos(2));
        assertThat(held(lease)).isEqualTo(600);
    }

    @Test
    void refunds_stay_here_up_to_two_blocks_and_the_rest_goes_back_for_the_other_instances() {
        Lease lease = lease(1);
        lease.take(10_000); // and a block of 600 held

        lease.giveBack(10_000);

        assertThat(held(lease)).isEqualTo(1_200);
        assertThat(shared.getAvailableTokens()).isEqualTo(60_000 - 1_200);
    }

    @Test
    void a_lease_goes_back_to_redis_only_once_nobody_took_from_it_for_the_idle_time() {
        Lease lease = lease(1);
        lease.take(10_000); // the shared bucket refills 2,000 while idle: not up to its capacity
        long idle = TimeUnit.SECONDS.toNanos(2);

        now.addAndGet(idle - 1);
        lease.returnIfIdle(idle);
        assertThat(held(lease)).isEqualTo(600);

        now.addAndGet(1);
        long before = shared.getAvailableTokens();
        lease.returnIfIdle(idle);
        assertThat(held(lease)).isZero();
        assertThat(shared.getAvailableTokens()).isEqualTo(before + 600);
    }

    @Test
    void a_person_sized_quota_has_no_block_and_asks_redis_every_turn() {
        Bucket small = new LocalBuckets(1, now::get).bucket("small", Quota.REQUESTS, 60);
        Lease lease = new Lease(() -> count(small), 60, 1, now::get, refills::add);

        for (int i = 0; i < 60; i++) {
            assertThat(lease.take(1).isConsumed()).isTrue();
        }

        assertThat(lease.take(1).isConsumed()).isFalse();
        assertThat(asked).hasValue(61);
        assertThat(refills).isEmpty();
    }

    private Lease lease(int instances) {
        return new Lease(() -> count(shared), 60_000, instances, now::get, refills::add);
    }

    private Bucket count(Bucket bucket) {
        asked.incrementAndGet();
        return bucket;
    }

    private void runRefills() {
        List<Runnable> due = List.copyOf(refills);
        refills.clear();
        due.forEach(Runnable::run);
    }

    /** What the lease holds: what the tenant has left that is not in the shared bucket. */
    private long held(Lease lease) {
        long held = 0;
        while (lease.covers(held + 1)) {
            held++;
        }
        return held;
    }
}
