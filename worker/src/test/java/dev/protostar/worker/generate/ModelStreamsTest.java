package dev.protostar.worker.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** What a worker reports it can hold, learned from the provider's 429s, on an injected clock. */
class ModelStreamsTest {

    private final AtomicLong now = new AtomicLong();
    private final ModelStreams streams = new ModelStreams(Duration.ofSeconds(10), now::get);

    @Test
    void without_a_refusal_the_configured_capacity_stands() {
        open(100);
        assertThat(streams.capacity(512)).isEqualTo(512);
    }

    @Test
    void a_refusal_makes_the_streams_still_open_the_capacity() {
        open(64);
        refuseOne();
        assertThat(streams.capacity(512)).isEqualTo(64);
        assertThat(streams.open()).isEqualTo(64);
    }

    @Test
    void a_smaller_provider_is_followed_at_its_next_refusal() {
        open(64);
        refuseOne();
        close(32);
        refuseOne();
        assertThat(streams.capacity(512)).isEqualTo(32);
    }

    @Test
    void one_more_is_tried_after_a_quiet_while_at_the_capacity_and_only_then() {
        open(64);
        refuseOne();
        close(64);
        open(63);
        now.addAndGet(Duration.ofSeconds(30).toNanos());
        assertThat(streams.capacity(512))
                .as("never reached the count: nothing to learn")
                .isEqualTo(64);

        open(1);
        assertThat(streams.capacity(512))
                .as("at the count after a quiet while: one more")
                .isEqualTo(65);
        assertThat(streams.capacity(512)).as("one probe per quiet while").isEqualTo(65);
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertThat(streams.capacity(512))
                .as("the probe itself was not reached yet")
                .isEqualTo(65);
        open(1);
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertThat(streams.capacity(512)).isEqualTo(66);
    }

    @Test
    void a_refusal_right_after_a_probe_takes_it_back() {
        open(64);
        refuseOne();
        now.addAndGet(Duration.ofSeconds(11).toNanos());
        open(0);
        streams.opening();
        streams.closed();
        assertThat(streams.capacity(512)).isEqualTo(65);
        refuseOne();
        assertThat(streams.capacity(512)).isEqualTo(64);
    }

    private void open(int count) {
        for (int i = 0; i < count; i++) {
            streams.opening();
        }
    }

    private void close(int count) {
        for (int i = 0; i < count; i++) {
            streams.closed();
        }
    }

    /** One more stream asked for and refused with a 429. */
    private void refuseOne() {
        streams.opening();
        streams.closed();
        streams.refused();
    }
}
