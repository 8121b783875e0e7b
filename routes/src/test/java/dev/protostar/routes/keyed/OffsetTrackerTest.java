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
    private final Assignment p0 = new Assignment(P0, 1);
    private final Assignment p1 = new Assignment(P1, 2);

    @Test
    void commits_only_below_the_lowest_unfinished_record() {
        tracker.received(p0, 10);
        tracker.received(p0, 11);
        tracker.received(p0, 12);
        tracker.finished(p0, 11);
        tracker.finished(p0, 12);

        assertThat(tracker.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(10)));

        tracker.finished(p0, 10);
        assertThat(tracker.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(13)));
    }

    @Test
    void offers_a_position_again_until_it_is_committed() {
        tracker.received(p0, 5);
        tracker.finished(p0, 5);
        var first = tracker.committable();
        assertThat(tracker.committable()).isEqualTo(first);

        tracker.committed(first);
        assertThat(tracker.committable()).isEmpty();
    }

    @Test
    void partitions_are_independent() {
        tracker.received(p0, 1);
        tracker.received(p1, 7);
        tracker.finished(p1, 7);

        assertThat(tracker.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(1), P1, new OffsetAndMetadata(8)));
        assertThat(tracker.outstanding()).isEqualTo(1);
    }

    @Test
    void forgets_revoked_partitions_and_ignores_their_late_finishes() {
        tracker.received(p0, 1);
        tracker.forget(List.of(P0));
        tracker.finished(p0, 1);

        assertThat(tracker.outstanding()).isZero();
        assertThat(tracker.committable()).isEmpty();
    }

    @Test
    void a_turn_of_an_earlier_assignment_never_finishes_the_copy_received_again() {
        tracker.received(p0, 10);
        tracker.received(p0, 11);
        tracker.forget(List.of(P0));
        Assignment again = new Assignment(P0, 3);
        tracker.received(again, 10);
        tracker.received(again, 11);

        tracker.finished(p0, 10);
        tracker.finished(again, 11);

        assertThat(tracker.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(10)));
        assertThat(tracker.outstanding()).isEqualTo(1);

        tracker.finished(again, 10);
        assertThat(tracker.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(12)));
    }
}
