package dev.protostar.loadtest.attack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A flood of made-up keys against one instance while a valid caller lists its candidates (a call that needs the
 * database, as the flood's lookups do): the valid caller's p99 under the flood against its p99 without, measured
 * back to back in three rounds (the medians compared). Every made-up key is new, so none is answered from the unknown-key cache: this is the flood's
 * worst case for the database.
 */
final class KeyFlood {

    /** Made-up keys a second: far beyond any client's mistakes, within what two cores can send and serve. */
    static final int RATE = 200;

    private static final int ROUNDS = 3;
    private static final int SAMPLES = 300;

    private final HttpClient caller = HttpClient.newHttpClient();
    private final HttpClient flooder = HttpClient.newHttpClient();
    private final String api;
    private final String validKey;

    KeyFlood(String api, String validKey) {
        this.api = api;
        this.validKey = validKey;
    }

    record Figures(
            double unloadedP99Ms, double loadedP99Ms, int refused401, int busy503, int other, int validFailures) {
        boolean held() {
            return loadedP99Ms <= 2 * unloadedP99Ms && other == 0 && validFailures == 0;
        }

        @Override
        public String toString() {
            return String.format(
                    "bad-key flood (%d made-up keys/s): valid caller p99 %.1f ms without, %.1f ms under it (%.2fx, limit"
                            + " 2x); flood answered 401 x%d, 503 x%d, other x%d; valid calls failed x%d",
                    RATE,
                    unloadedP99Ms,
                    loadedP99Ms,
                    loadedP99Ms / unloadedP99Ms,
                    refused401,
                    busy503,
                    other,
                    validFailures);
        }
    }

    Figures run() throws Exception {
        AtomicInteger validFailures = new AtomicInteger();
        AtomicInteger unauthorized = new AtomicInteger();
        AtomicInteger busy = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        sample(50, validFailures); // warm up the path and the connection
        // Without and under the flood in turns, the median of each: a stall of the shared machine in one phase (two
        // cores, a build beside) moves one round, not the verdict.
        double[] unloaded = new double[ROUNDS];
        double[] loaded = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            unloaded[round] = p99(sample(SAMPLES, validFailures));
            ScheduledExecutorService pace = Executors.newSingleThreadScheduledExecutor();
            pace.scheduleAtFixedRate(
                    () -> flooder.sendAsync(
                                    HttpRequest.newBuilder(URI.create(api + "/api/v1/candidates"))
                                            .header("Authorization", "Bearer ps_flood_" + UUID.randomUUID())
                                            .timeout(Duration.ofSeconds(10))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .whenComplete((response, error) -> {
                                int status = error == null ? response.statusCode() : -1;
                                (status == 401 ? unauthorized : status == 503 ? busy : other).incrementAndGet();
                            }),
                    0,
                    1_000_000 / RATE,
                    TimeUnit.MICROSECONDS);
            try {
                Thread.sleep(1000); // the flood under way before the valid caller measures
                loaded[round] = p99(sample(SAMPLES, validFailures));
            } finally {
                pace.shutdownNow();
            }
            Thread.sleep(1000); // the flood's last requests answered before the next quiet phase
        }
        return new Figures(
                median(unloaded), median(loaded), unauthorized.get(), busy.get(), other.get(), validFailures.get());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private long[] sample(int n, AtomicInteger failures) throws Exception {
        long[] nanos = new long[n];
        HttpRequest list = HttpRequest.newBuilder(URI.create(api + "/api/v1/candidates"))
                .header("Authorization", "Bearer " + validKey)
                .timeout(Duration.ofSeconds(10))
                .build();
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            int status =
                    caller.send(list, HttpResponse.BodyHandlers.discarding()).statusCode();
            nanos[i] = System.nanoTime() - start;
            if (status != 200) {
                failures.incrementAndGet();
            }
        }
        return nanos;
    }

    private static double p99(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6;
    }
}
