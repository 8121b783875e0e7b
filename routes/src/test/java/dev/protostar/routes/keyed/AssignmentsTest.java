package dev.protostar.routes.keyed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.junit.jupiter.api.Test;

class AssignmentsTest {

    private static final TopicPartition P0 = new TopicPartition("t", 0);
    private static final TopicPartition P1 = new TopicPartition("t", 1);

    private final OffsetTracker offsets = new OffsetTracker();
    private final Assignments assignments =
            new Assignments(offsets, new KeyLanes(turn -> {}), new WaitingRecords(System::nanoTime));
    private final List<Map<TopicPartition, OffsetAndMetadata>> commits = new ArrayList<>();
    private final ConsumerRebalanceListener listener = assignments.listener(commits::add);

    @Test
    void an_incremental_revocation_stops_only_the_partitions_that_move() {
        listener.onPartitionsAssigned(List.of(P0, P1));
        Assignment stays = assignments.of(P0);
        Assignment moves = assignments.of(P1);
        offsets.received(stays, 1);
        offsets.received(moves, 5);
        offsets.finished(moves, 5);

        listener.onPartitionsRevoked(List.of(P1));

        assertThat(stays.isOwned()).isTrue();
        assertThat(moves.isOwned()).isFalse();
        assertThat(assignments.of(P0)).isSameAs(stays);
        assertThat(assignments.of(P1)).isNull();
        assertThat(commits).containsExactly(Map.of(P1, new OffsetAndMetadata(6)));
        assertThat(offsets.outstanding()).isEqualTo(1);
    }

    @Test
    void an_empty_revocation_or_assignment_changes_nothing() {
        listener.onPartitionsAssigned(List.of(P0));
        Assignment stays = assignments.of(P0);

        listener.onPartitionsRevoked(List.of());
        listener.onPartitionsAssigned(List.of());

        assertThat(assignments.of(P0)).isSameAs(stays);
        assertThat(stays.isOwned()).isTrue();
    }

    @Test
    void lost_partitions_stop_without_a_commit() {
        listener.onPartitionsAssigned(List.of(P0));
        Assignment lost = assignments.of(P0);
        offsets.received(lost, 1);
        offsets.finished(lost, 1);

        listener.onPartitionsLost(List.of(P0));

        assertThat(lost.isOwned()).isFalse();
        assertThat(commits).isEmpty();
        assertThat(offsets.committable()).isEmpty();
    }

    @Test
    void a_partition_assigned_again_gets_a_new_epoch() {
        listener.onPartitionsAssigned(List.of(P0));
        Assignment first = assignments.of(P0);
        listener.onPartitionsRevoked(List.of(P0));
        listener.onPartitionsAssigned(List.of(P0));

        assertThat(assignments.of(P0).epoch()).isGreaterThan(first.epoch());
        assertThat(assignments.of(P0).isOwned()).isTrue();
    }

    @Test
    void a_commit_failing_inside_a_rebalance_still_releases_the_partition() {
        ConsumerRebalanceListener failing = assignments.listener(offsets -> {
            throw new RebalanceInProgressException("injected");
        });
        failing.onPartitionsAssigned(List.of(P0));
        Assignment revoked = assignments.of(P0);
        offsets.received(revoked, 1);
        offsets.finished(revoked, 1);

        failing.onPartitionsRevoked(List.of(P0));

        assertThat(revoked.isOwned()).isFalse();
        assertThat(assignments.of(P0)).isNull();
    }

    @Test
    void epochs_keep_rising_when_the_poll_loop_starts_over() {
        listener.onPartitionsAssigned(List.of(P0));
        long before = assignments.of(P0).epoch();
        assignments.endAll();
        assignments.listener(commits::add).onPartitionsAssigned(List.of(P0));

        assertThat(assignments.of(P0).epoch()).isGreaterThan(before);
    }
}
