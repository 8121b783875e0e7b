package dev.protostar.chat.dam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.protostar.chat.dam.Admission.Granted;
import dev.protostar.chat.dam.Admission.Rejected;
import dev.protostar.chat.dam.Reservation.Ledger;
import dev.protostar.infra.services.LocalServiceCredentials;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.StaticCredentialsProvider;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Quotas against a real Redis (the project's local one, started by infra/bin/services if it is not running):
 * two {@link Quotas} stand for two chat-api instances. Redis failures are made on Redis servers of the
 * test's own, never on the shared one.
 */
class QuotasIT {

    private static final int REDIS_PORT =
            Integer.parseInt(System.getenv().getOrDefault("PROTOSTAR_REDIS_PORT", "16379"));
    private static final int THREADS = 32;

    private final List<AutoCloseable> opened = new ArrayList<>();
    private final SimpleMeterRegistry metersA = new SimpleMeterRegistry();
    private final SimpleMeterRegistry metersB = new SimpleMeterRegistry();
    private final String tenant = "it-" + UUID.randomUUID();

    @BeforeAll
    static void redisRunning() throws Exception {
        if (!listening(REDIS_PORT)) {
            Path script =
                    Path.of("..", "infra", "bin", "services").toAbsolutePath().normalize();
            assertThat(new ProcessBuilder(script.toString(), "up")
                            .inheritIO()
                            .start()
                            .waitFor())
                    .as(script + " up")
                    .isZero();
        }
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable resource : opened.reversed()) {
            resource.close();
        }
    }

    @Test
    void two_instances_sharing_redis_never_admit_more_requests_than_the_quota_together() throws Exception {
        // 24 a minute: the 25th comes back after 2.5 s, far longer than the race takes
        QuotaProperties properties = properties(24, 10_000_000, 1);

        assertRaceAdmitsExactly(24, properties, quotas -> quotas.reserve(tenant, 10));
    }

    @Test
    void two_instances_sharing_redis_never_admit_more_tokens_than_the_quota_together() throws Exception {
        // 24 turns of 1,000 tokens a minute (the 25th fits again after 2.5 s), each instance leasing blocks of 240
        QuotaProperties properties = properties(10_000, 24_000, 1);
        Quotas a = instance(properties, REDIS_PORT, metersA);
        Quotas b = instance(properties, REDIS_PORT, metersB);

        int admitted = race(a, b, quotas -> quotas.reserve(tenant, 1_000));

        // never more than the quota; what a lease holds unspent makes the other instance refuse a turn sooner
        assertThat(admitted).as("turns admitted by both instances together").isBetween(22, 24);
        a.returnLeases();
        b.returnLeases();
        while (a.reserve(tenant, 1_000) instanceof Granted) {
            admitted++;
        }
        assertThat(admitted).as("with the leases given back").isEqualTo(24);
    }

    @Test
    void tokens_one_instance_gives_back_on_settling_can_be_reserved_on_the_other() {
        QuotaProperties properties = properties(60, 10_000, 1);
        Quotas a = instance(properties, REDIS_PORT, metersA);
        Quotas b = instance(properties, REDIS_PORT, metersB);
        Granted big = (Granted) a.reserve(tenant, 10_000);
        assertThat(b.reserve(tenant, 5_000)).isInstanceOf(Rejected.class);

        b.settle(big.reservation(), 2_000);

        assertThat(b.reserve(tenant, 5_000)).isInstanceOf(Granted.class);
        assertThat(a.reserve(tenant, 2_500)).isInstanceOf(Granted.class);
        assertThat(a.reserve(tenant, 1_000)).isInstanceOf(Rejected.class);
    }

    @Test
    void an_overrun_settled_on_one_instance_makes_the_tenant_wait_on_the_other() {
        QuotaProperties properties = properties(60, 6_000, 1);
        Quotas a = instance(properties, REDIS_PORT, metersA);
        Quotas b = instance(properties, REDIS_PORT, metersB);
        Granted small = (Granted) a.reserve(tenant, 1_000);

        b.settle(small.reservation(), 6_000); // the whole minute spent

        Rejected rejected = (Rejected) a.reserve(tenant, 1_000);
        assertThat(rejected.quota()).isEqualTo(Quota.TOKENS);
        assertThat(rejected.retryAfter()).isBetween(Duration.ofSeconds(9), Duration.ofSeconds(10)); // 100 tokens/s
        assertThat(rejected.rateLimit()).matches("\"tokens\";r=\\d+;t=(9|10)");
    }

    @Test
    void keys_are_namespaced_by_tenant_and_expire_once_their_bucket_would_be_full_again() {
        Quotas a = instance(properties(60, 60_000, 1), REDIS_PORT, metersA);
        a.reserve(tenant, 30_000);

        RedisClient client = RedisClient.create(uri(REDIS_PORT));
        opened.add(client::shutdown);
        try (var connection = client.connect()) {
            long requestsTtl = connection.sync().pttl("protostar:quota:" + tenant + ":requests");
            long tokensTtl = connection.sync().pttl("protostar:quota:" + tenant + ":tokens");
            // full again in 1 s and 30 s, plus 10 s
            assertThat(requestsTtl).isBetween(9_000L, 12_000L);
            assertThat(tokensTtl).isBetween(38_000L, 41_000L);
        }
    }

    @Test
    void with_redis_unreachable_an_instance_decides_with_its_share_in_the_same_call_without_an_exception() {
        Quotas lonely = instance(properties(10, 60_000, 2), freePort(), metersA);

        List<Admission> admissions = new ArrayList<>();
        long started = System.nanoTime();
        assertThatCode(() -> {
                    for (int i = 0; i < 6; i++) {
                        admissions.add(lonely.reserve(tenant, 100));
                    }
                })
                .doesNotThrowAnyException();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(admissions.subList(0, 5))
                .allSatisfy(admission ->
                        assertThat(((Granted) admission).reservation().ledger()).isEqualTo(Ledger.LOCAL));
        assertThat(admissions.get(5)).isInstanceOf(Rejected.class); // 10 a minute over 2 instances: 5 here
        assertThat(took).isLessThan(Duration.ofMillis(500));
        assertThat(fallbacks(metersA)).isEqualTo(6);
    }

    @Test
    void an_instance_goes_back_to_the_shared_buckets_when_redis_returns() throws Exception {
        Path redisServer = Path.of("/usr/bin/redis-server");
        assumeTrue(Files.isExecutable(redisServer), "needs redis-server for a Redis of the test's own");
        int port = freePort();
        Quotas quotas = instance(properties(1_000, 1_000_000, 1), port, metersA);
        assertThat(ledgerOfNextTurn(quotas)).isEqualTo(Ledger.LOCAL);

        Process redis = startRedis(redisServer, port);
        awaitLedger(quotas, Ledger.SHARED); // first connection: tried again after redis-retry

        redis.destroy();
        redis.waitFor();
        // what the lease holds (blocks of 10 requests) was taken from Redis before it died and is spent first
        List<Ledger> ledgers = new ArrayList<>();
        assertThatCode(() -> {
                    for (int turn = 0; turn < 12; turn++) {
                        ledgers.add(ledgerOfNextTurn(quotas));
                    }
                })
                .doesNotThrowAnyException();
        assertThat(ledgers).endsWith(Ledger.LOCAL, Ledger.LOCAL);

        startRedis(redisServer, port);
        awaitLedger(quotas, Ledger.SHARED); // Lettuce reconnects by itself
    }

    private void assertRaceAdmitsExactly(int quota, QuotaProperties properties, Function<Quotas, Admission> turn)
            throws Exception {
        Quotas a = instance(properties, REDIS_PORT, metersA);
        Quotas b = instance(properties, REDIS_PORT, metersB);
        assertThat(race(a, b, turn))
                .as("turns admitted by both instances together")
                .isEqualTo(quota);
    }

    /** Races {@code turn} on two instances, as {@link #race(ExecutorService, Quotas, Quotas, Function)}, after a warm-up. */
    private int race(Quotas a, Quotas b, Function<Quotas, Admission> turn) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        opened.add(threads::shutdownNow);
        // A first race on a tenant of its own loads and compiles the batching code out of the measured one:
        // cold, a burst can outlast redis-timeout, and then local buckets decide.
        race(threads, a, b, quotas -> quotas.reserve("it-warm-up-" + UUID.randomUUID(), 1));
        double warmUpFallbacks = fallbacks(metersA) + fallbacks(metersB);

        long started = System.nanoTime();
        int admitted = race(threads, a, b, turn);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(fallbacks(metersA) + fallbacks(metersB) - warmUpFallbacks)
                .as("decided by Redis, not by local buckets")
                .isZero();
        assertThat(took)
                .as("the race must end before the quota refills one more turn")
                .isLessThan(Duration.ofMillis(2_500));
        return admitted;
    }

    /** {@link #THREADS} threads, half on each instance, three turns each, all starting at once; returns the admitted. */
    private static int race(ExecutorService threads, Quotas a, Quotas b, Function<Quotas, Admission> turn)
            throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> granted = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            Quotas instance = i % 2 == 0 ? a : b;
            granted.add(threads.submit(() -> {
                start.await();
                int admitted = 0;
                for (int attempt = 0; attempt < 3; attempt++) {
                    admitted += turn.apply(instance) instanceof Granted ? 1 : 0;
                }
                return admitted;
            }));
        }
        start.countDown();
        int total = 0;
        for (Future<Integer> thread : granted) {
            total += thread.get();
        }
        return total;
    }

    private Quotas instance(QuotaProperties properties, int port, SimpleMeterRegistry meters) {
        RedisBuckets buckets = new RedisBuckets(
                RedisClient.create(), uri(port), properties.redisTimeout(), properties.redisRetry(), System::nanoTime);
        opened.add(buckets);
        return new Quotas(properties, buckets, meters, System::nanoTime, Quotas.virtualThreads());
    }

    /** The project's Redis asks for its password; the ones this test starts for its faults ask for none. */
    private static RedisURI uri(int port) {
        RedisURI uri = RedisURI.create("127.0.0.1", port);
        if (port == REDIS_PORT) {
            uri.setCredentialsProvider(new StaticCredentialsProvider(
                    null,
                    LocalServiceCredentials.get("PROTOSTAR_REDIS_PASSWORD").toCharArray()));
        }
        return uri;
    }

    private static QuotaProperties properties(long requestsPerMinute, long tokensPerMinute, int instances) {
        return new QuotaProperties(
                requestsPerMinute,
                tokensPerMinute,
                Map.of(),
                instances,
                false,
                Duration.ofMillis(250), // the default
                Duration.ofMillis(200));
    }

    private Ledger ledgerOfNextTurn(Quotas quotas) {
        return ((Granted) quotas.reserve(tenant, 1)).reservation().ledger();
    }

    private void awaitLedger(Quotas quotas, Ledger expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Ledger ledger = ledgerOfNextTurn(quotas);
        while (ledger != expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
            ledger = ledgerOfNextTurn(quotas);
        }
        assertThat(ledger).isEqualTo(expected);
    }

    private Process startRedis(Path redisServer, int port) throws Exception {
        Process redis = new ProcessBuilder(
                        redisServer.toString(),
                        "--port",
                        String.valueOf(port),
                        "--bind",
                        "127.0.0.1",
                        "--save",
                        "",
                        "--appendonly",
                        "no")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        opened.add(() -> {
            redis.destroy();
            redis.waitFor();
        });
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!listening(port)) {
            assertThat(System.nanoTime())
                    .as("redis-server on " + port + " started")
                    .isLessThan(deadline);
            Thread.sleep(20);
        }
        return redis;
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double fallbacks(SimpleMeterRegistry meters) {
        return meters.counter(DamMetrics.QUOTA_FALLBACK).count();
    }
}
