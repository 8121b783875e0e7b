package dev.protostar.routes.keyed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OffsetTrackerTest {

    private static final TopicPartition P0 = new TopicPartition("t", 0);
    private static final TopicPartition P1 = new TopicPartition("t", 1);

    private final OffsetTracker tracker = new OffsetTracker();

    @Test
    void commits_only_below_the_lowest_unfinished_record() {
        tracker.received(P0, 10);
        tracker.received(P0, 11);
        tracker.received(P0, 12);
        tracker.finished(P0, 11);
        tracker.finished(P0, 12);

        assertThat(tracker.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(10)));

        tracker.finished(P0, 10);
        assertThat(tracker.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(13)));
    }

    @Test
    void offers_a_position_again_until_it_is_committed() {
        tracker.received(P0, 5);
        tracker.finished(P0, 5);
        var first = tracker.committable();
        assertThat(tracker.committable()).isEqualTo(first);

        tracker.committed(first);
        assertThat(tracker.committable()).isEmpty();
    }

    @Test
    void partitions_are_independent() {
        tracker.received(P0, 1);
        tracker.received(P1, 7);
        tracker.finished(P1, 7);

        assertThat(tracker.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(1), P1, new OffsetAndMetadata(8)));
        assertThat(tracker.outstanding()).isEqualTo(1);
    }

    @Test
    void forgets_revoked_partitions_and_ignores_their_late_finishes() {
        tracker.received(P0, 1);
        tracker.forget(List.of(P0));
        tracker.finished(P0, 1);

        assertThat(tracker.outstanding()).isZero();
        assertThat(tracker.committable()).isEmpty();
    }
}
