package dev.protostar.loadtest.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerHistogramTest {

    private static String scrape(long underOne, long underTwo, long underFive, long all) {
        return """
                # TYPE protostar_intake_duration_seconds histogram
                protostar_intake_duration_seconds_bucket{application="chat-api",outcome="admitted",le="0.001"} 900
                protostar_intake_duration_seconds_bucket{application="chat-api",outcome="refused",le="0.001"} %d
                protostar_intake_duration_seconds_bucket{application="chat-api",outcome="refused",le="0.002"} %d
                protostar_intake_duration_seconds_bucket{application="chat-api",outcome="refused",le="0.005"} %d
                protostar_intake_duration_seconds_bucket{application="chat-api",outcome="refused",le="+Inf"} %d
                protostar_intake_duration_seconds_count{application="chat-api",outcome="refused"} %d
                """
                .formatted(underOne, underTwo, underFive, all, all);
    }

    @Test
    void the_quantile_of_what_was_counted_between_two_scrapes_is_its_bucket_bound() {
        ServerHistogram before = ServerHistogram.parse(
                scrape(10, 10, 10, 10), "protostar_intake_duration_seconds", "outcome=\"refused\"");
        ServerHistogram after = ServerHistogram.parse(
                scrape(60, 150, 209, 210), "protostar_intake_duration_seconds", "outcome=\"refused\"");

        ServerHistogram between = after.since(before);

        assertThat(between.count()).isEqualTo(200);
        assertThat(between.quantileMillis(0.25)).isEqualTo(1.0);
        assertThat(between.quantileMillis(0.5)).isEqualTo(2.0);
        assertThat(between.quantileMillis(0.99)).isEqualTo(5.0);
        assertThat(between.quantileMillis(1.0)).isInfinite();
    }

    @Test
    void nothing_counted_has_no_quantile() {
        ServerHistogram same =
                ServerHistogram.parse(scrape(1, 2, 3, 4), "protostar_intake_duration_seconds", "outcome=\"refused\"");

        assertThat(same.since(same).quantileMillis(0.99)).isNaN();
        assertThat(ServerHistogram.parse("", "protostar_intake_duration_seconds", "x")
                        .count())
                .isZero();
    }
}
