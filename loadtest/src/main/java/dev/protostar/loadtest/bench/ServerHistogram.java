package dev.protostar.loadtest.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cumulative buckets of one Prometheus histogram series, as scraped at one moment; the difference of two
 * scrapes is what happened between them. Used for the intake's own time to refuse a turn, so the report can
 * set the server's share of a refusal beside what the client waited.
 */
record ServerHistogram(TreeMap<Double, Double> buckets) {

    private static final Pattern BUCKET = Pattern.compile("le=\"([^\"]+)\".*\\}\\s+([-+0-9.eE]+)$");

    /** The buckets of {@code name} whose labels contain {@code label} (e.g. {@code outcome="refused"}). */
    static ServerHistogram parse(String prometheusText, String name, String label) {
        TreeMap<Double, Double> buckets = new TreeMap<>();
        for (String line : prometheusText.split("\n")) {
            if (!line.startsWith(name + "_bucket{") || !line.contains(label)) {
                continue;
            }
            Matcher bucket = BUCKET.matcher(line);
            if (bucket.find()) {
                double le =
                        bucket.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(bucket.group(1));
                buckets.merge(le, Double.parseDouble(bucket.group(2)), Double::sum);
            }
        }
        return new ServerHistogram(buckets);
    }

    /** What {@code name}'s series with {@code label} counted between two scrapes. */
    static ServerHistogram between(String earlier, String later, String name, String label) {
        return parse(later, name, label).since(parse(earlier, name, label));
    }

    /** What was counted after {@code earlier}. */
    ServerHistogram since(ServerHistogram earlier) {
        TreeMap<Double, Double> difference = new TreeMap<>();
        buckets.forEach((le, count) -> difference.put(le, count - earlier.buckets.getOrDefault(le, 0.0)));
        return new ServerHistogram(difference);
    }

    /** Observations counted. */
    double count() {
        return buckets.isEmpty() ? 0 : buckets.lastEntry().getValue();
    }

    /**
     * The upper bound of the bucket holding quantile {@code q}, in ms (a bound, not an interpolation: Micrometer's
     * buckets are a fifth to a third apart between 1 and 100 ms); NaN without observations.
     */
    double quantileMillis(double q) {
        double total = count();
        if (total <= 0) {
            return Double.NaN;
        }
        for (Map.Entry<Double, Double> bucket : buckets.entrySet()) {
            if (bucket.getValue() >= q * total) {
                return bucket.getKey() * 1000;
            }
        }
        return Double.POSITIVE_INFINITY;
    }
}
