package dev.protostar.chat.dam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.protostar.chat.dam.AdaptiveLimit.Drop;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AdaptiveLimitTest {

    private static final long WINDOW = Duration.ofSeconds(1).toNanos();
    private static final long TTFT = Duration.ofMillis(800).toNanos();
    private static final AdaptiveLimitSettings SETTINGS = AdaptiveLimitSettings.defaults();

    private final AtomicLong clock = new AtomicLong();
    private final AdaptiveLimit limit = new AdaptiveLimit(SETTINGS, clock::get);

    @Test
    void grows_while_ttft_holds_its_baseline_and_the_limit_is_used() {
        for (int i = 0; i < 10; i++) {
            int before = limit.limit();
            window(limit, 30, TTFT, before);
            assertThat(limit.limit()).isGreaterThan(before);
        }
        assertThat(limit.limit()).isGreaterThan(60);
    }

    @Test
    void does_not_grow_when_the_limit_is_not_used() {
        for (int i = 0; i < 100; i++) {
            window(limit, 30, TTFT, 12);
        }
        assertThat(limit.limit()).isEqualTo(20);
    }

    @Test
    void shrinks_when_ttft_rises_above_tolerance() {
        int learned = learnBaseline();

        window(limit, 30, 2 * TTFT, learned);

        // g = 1.5 / 2 = 0.75, of which half is applied
        assertThat(limit.limit()).isLessThan(learned).isGreaterThanOrEqualTo(learned * 7 / 8 - 1);
    }

    @Test
    void one_window_cuts_at_most_a_quarter() {
        int learned = learnBaseline();

        window(limit, 30, 20 * TTFT, learned);

        assertThat(limit.limit()).isLessThan(learned).isGreaterThanOrEqualTo(learned * 3 / 4 - 1);
    }

    @Test
    void a_window_waits_for_enough_samples() {
        for (int i = 1; i < SETTINGS.minSamples(); i++) {
            window(limit, 1, TTFT, 20);
            assertThat(limit.limit()).isEqualTo(20);
        }
        window(limit, 1, TTFT, 20);
        assertThat(limit.limit()).isGreaterThan(20);
    }

    @Test
    void no_creep_under_modest_steady_overload() {
        Pool pool = new Pool(100);
        List<Integer> limits = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            pool.window(limit, 150);
            limits.add(limit.limit());
        }
        assertThat(limits.subList(30, 300)).allSatisfy(l -> assertThat(l).isBetween(80, 130));
    }

    @Test
    void constant_timeouts_push_the_limit_down_not_up() {
        for (int i = 0; i < 10; i++) {
            window(limit, 30, TTFT, limit.limit());
        }
        int before = limit.limit();
        for (int i = 0; i < 40; i++) {
            int current = limit.limit();
            // the turns that time out are drops; those that answered in time still report a steady TTFT
            drops(Drop.TIMEOUT, 30);
            window(limit, 20, TTFT, current);
            assertThat(limit.limit()).isLessThanOrEqualTo(current);
        }
        assertThat(before).isGreaterThan(20);
        assertThat(limit.limit()).isEqualTo(SETTINGS.minLimit());
    }

    @Test
    void a_burst_of_drops_backs_off_once_per_window() {
        drops(Drop.BACKPRESSURE, 100);
        assertThat(limit.limit()).isEqualTo(18);

        clock.addAndGet(WINDOW);
        drops(Drop.FAILURE, 100);
        assertThat(limit.limit()).isEqualTo(16);
    }

    @Test
    void rejected_or_cancelled_turns_are_not_samples() {
        AtomicLong twinClock = new AtomicLong();
        AdaptiveLimit clean = new AdaptiveLimit(SETTINGS, twinClock::get);
        for (int i = 0; i < 30; i++) {
            // turns the dam rejected, or that were cancelled before a worker took them, end in microseconds;
            // counted, they would outnumber the real ones and drag the p90 and the baseline towards zero
            for (int k = 0; k < 500; k++) {
                limit.onSample(Duration.of(50, ChronoUnit.MICROS).toNanos(), limit.limit());
            }
            long ttft = i < 15 ? TTFT : 3 * TTFT;
            window(limit, 30, ttft, limit.limit());
            window(clean, 30, ttft, clean.limit(), twinClock);
            assertThat(limit.limit()).isEqualTo(clean.limit());
        }
    }

    @Test
    void never_above_the_workers_ceiling() {
        limit.ceiling(30);
        for (int i = 0; i < 20; i++) {
            window(limit, 30, TTFT, limit.limit());
            assertThat(limit.limit()).isLessThanOrEqualTo(30);
        }
        assertThat(limit.limit()).isEqualTo(30);

        limit.ceiling(2);
        assertThat(limit.limit()).isEqualTo(2);

        limit.ceiling(0);
        for (int i = 0; i < 5; i++) {
            window(limit, 30, TTFT, limit.limit());
        }
        assertThat(limit.limit()).isGreaterThan(4);
    }

    @Test
    void recovers_after_a_loss_burst() {
        Pool pool = new Pool(100);
        for (int i = 0; i < 50; i++) {
            pool.window(limit, 150);
        }
        for (int i = 0; i < 10; i++) {
            drops(Drop.BACKPRESSURE, 50);
            clock.addAndGet(WINDOW);
        }
        assertThat(limit.limit()).isLessThan(40);

        for (int i = 0; i < 15; i++) {
            pool.window(limit, 150);
        }
        assertThat(limit.limit()).isGreaterThanOrEqualTo(80);
    }

    @Test
    void relearns_baseline_after_task_mix_change() {
        Pool pool = new Pool(100);
        for (int i = 0; i < 100; i++) {
            pool.window(limit, 150);
        }
        pool.baseTtft = 2 * TTFT; // longer prompts from now on: slower first tokens at any load
        List<Integer> limits = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            pool.window(limit, 150);
            limits.add(limit.limit());
        }
        assertThat(limits).allSatisfy(l -> assertThat(l).isGreaterThanOrEqualTo(40));
        assertThat(limits.subList(40, 200)).allSatisfy(l -> assertThat(l).isBetween(80, 130));
    }

    @Test
    void takes_samples_drops_and_reads_from_many_threads() throws Exception {
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> workers = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    start.await();
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int i = 0; i < 20_000; i++) {
                        clock.addAndGet(WINDOW / 500);
                        int current = limit.limit();
                        assertThat(current).isBetween(SETTINGS.minLimit(), SETTINGS.maxLimit());
                        limit.onSample(TTFT + random.nextLong(TTFT), random.nextInt(1, current + 1));
                        if (i % 1000 == 0) {
                            limit.onDrop(Drop.TIMEOUT);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(limit.limit()).isBetween(SETTINGS.minLimit(), SETTINGS.maxLimit());
    }

    private int learnBaseline() {
        for (int i = 0; i < 5; i++) {
            window(limit, 30, TTFT, limit.limit());
        }
        return limit.limit();
    }

    private void window(AdaptiveLimit target, int turns, long ttft, int inFlight) {
        window(target, turns, ttft, inFlight, clock);
    }

    /** Reports {@code turns} first tokens, then lets the window end (the next read closes it). */
    private static void window(AdaptiveLimit target, int turns, long ttft, int inFlight, AtomicLong clock) {
        for (int i = 0; i < turns; i++) {
            target.onSample(ttft, inFlight);
        }
        clock.addAndGet(WINDOW);
    }

    private void drops(Drop reason, int count) {
        for (int i = 0; i < count; i++) {
            limit.onDrop(reason);
        }
    }

    /**
     * Workers with a fixed number of slots. Turns stream for 10 TTFTs, so a turn admitted beyond capacity
     * waits its share of a stream: with {@code q} turns ahead of it waiting, {@code q / capacity} of a stream.
     */
    private final class Pool {

        private final int capacity;
        private final Random random = new Random(42);
        long baseTtft = TTFT;

        Pool(int capacity) {
            this.capacity = capacity;
        }

        /** One window in which {@code offered} turns want to run; the dam admits up to its limit. */
        void window(AdaptiveLimit target, int offered) {
            int inFlight = Math.min(target.limit(), offered);
            for (int i = 0; i < 40; i++) {
                int atStart = Math.max(1, inFlight - random.nextInt(3));
                long queueing = Math.max(0, atStart - capacity) * 10 * baseTtft / capacity;
                long ttft = (long) (baseTtft * (0.85 + 0.3 * random.nextDouble())) + queueing;
                target.onSample(ttft, atStart);
            }
            clock.addAndGet(WINDOW);
        }
    }
}
