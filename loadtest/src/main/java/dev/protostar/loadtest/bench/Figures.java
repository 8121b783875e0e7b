package dev.protostar.loadtest.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The figures of one run, over the turns offered inside its measurement window (the warm-up before it is
 * left out). Goodput is turns answered to their end whose first token came within the SLO, per second.
 */
public record Figures(List<Turn> turns, double windowSeconds, long sloNanos) {

    /** The turns offered in [{@code fromNanos}, {@code toNanos}) of the run. */
    static Figures of(List<Turn> all, long fromNanos, long toNanos, long sloNanos) {
        List<Turn> inside = all.stream()
                .filter(t -> t.offeredAt() >= fromNanos && t.offeredAt() < toNanos)
                .toList();
        return new Figures(inside, (toNanos - fromNanos) / 1e9, sloNanos);
    }

    public Figures only(String priority) {
        return new Figures(
                turns.stream().filter(t -> t.priority().equals(priority)).toList(), windowSeconds, sloNanos);
    }

    public int offered() {
        return turns.size();
    }

    public double offeredPerSecond() {
        return offered() / windowSeconds;
    }

    public int admitted() {
        return count(Turn::admitted);
    }

    public int good() {
        return count(t -> t.good(sloNanos));
    }

    public double goodput() {
        return good() / windowSeconds;
    }

    /** Good turns over offered ones: for a person, the share of questions answered in time. */
    public double success() {
        return offered() == 0 ? Double.NaN : (double) good() / offered();
    }

    /** Admitted turns that ended in an error or never ended: the failures a dam must not have. */
    public int failedAdmitted() {
        return count(t -> t.outcome() == Turn.Outcome.ERROR || t.outcome() == Turn.Outcome.LOST);
    }

    /** Neither admitted nor refused cleanly (no Retry-After, another status, a failed request). */
    public int unclean() {
        return count(t -> t.outcome() == Turn.Outcome.FAILED);
    }

    public int refused() {
        return count(t -> t.outcome() == Turn.Outcome.REFUSED);
    }

    /** Quantile {@code q} of admitted turns' time to first token, in ms (NaN with none). */
    public double ttftMillis(double q) {
        return quantile(
                        turns.stream()
                                .filter(t -> t.admitted() && t.ttftNanos() >= 0)
                                .mapToLong(Turn::ttftNanos)
                                .toArray(),
                        q)
                / 1e6;
    }

    /** Quantile {@code q} of how long a clean refusal took to arrive, in ms (NaN with none). */
    public double rejectionMillis(double q) {
        return quantile(
                        turns.stream()
                                .filter(t -> t.outcome() == Turn.Outcome.REFUSED)
                                .mapToLong(Turn::replyNanos)
                                .toArray(),
                        q)
                / 1e6;
    }

    /**
     * Quantile {@code q}, in ms, of the part of an answered turn's time to first token spent before its first token
     * left the worker: the {@code done} event's own time from the intake to the worker's first token, minus
     * {@code modelNanos} (the model's own). The client's time to first token minus this is the rest: the POST's way
     * to the intake and the first delta's way back (Kafka, chat-api, SSE).
     */
    public double towardsWorkerMillis(double q, long modelNanos) {
        return quantile(
                        answered()
                                .mapToLong(t -> t.workerTtftMillis() * 1_000_000 - modelNanos)
                                .toArray(),
                        q)
                / 1e6;
    }

    /** Quantile {@code q}, in ms, of the client's time to first token minus the {@code done} event's own. */
    public double backFromWorkerMillis(double q) {
        return quantile(
                        answered()
                                .mapToLong(t -> t.ttftNanos() - t.workerTtftMillis() * 1_000_000)
                                .toArray(),
                        q)
                / 1e6;
    }

    private Stream<Turn> answered() {
        return turns.stream().filter(t -> t.ttftNanos() >= 0 && t.workerTtftMillis() >= 0);
    }

    /** Refusals by gate, and failures by error code, for the report's notes. */
    public Map<String, Long> reasons() {
        return turns.stream()
                .filter(t -> t.outcome() != Turn.Outcome.DONE)
                .collect(Collectors.groupingBy(
                        t -> t.outcome().name().toLowerCase() + (t.code() == null ? "" : " " + t.code()),
                        TreeMap::new,
                        Collectors.counting()));
    }

    private int count(Predicate<Turn> which) {
        return (int) turns.stream().filter(which).count();
    }

    /** Nearest-rank quantile. */
    static double quantile(long[] values, double q) {
        if (values.length == 0) {
            return Double.NaN;
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)];
    }
}
