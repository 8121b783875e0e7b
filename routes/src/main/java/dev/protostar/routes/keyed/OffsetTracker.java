package dev.protostar.routes.keyed;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Which offsets of each partition may be committed while records finish out of order: everything
 * below the lowest unfinished record. A worker that dies therefore loses nothing — the new owner
 * starts at that record — at the price of redelivering the finished ones above it.
 *
 * <p>Each partition is tracked per {@link Assignment}: a record finishing under an earlier assignment of
 * the partition (revoked, then assigned here again) is ignored, because its copy received under the
 * current one is still unfinished.
 *
 * <p>Thread-safe: records finish on processing threads, commits happen on the poll thread.
 */
final class OffsetTracker {

    private final Map<TopicPartition, PartitionState> partitions = new HashMap<>();

    synchronized void received(Assignment assignment, long offset) {
        PartitionState state = partitions.get(assignment.partition());
        if (state == null || state.epoch != assignment.epoch()) {
            state = new PartitionState(assignment.epoch());
            partitions.put(assignment.partition(), state);
        }
        state.unfinished.add(offset);
        state.next = Math.max(state.next, offset + 1);
    }

    synchronized void finished(Assignment assignment, long offset) {
        PartitionState state = partitions.get(assignment.partition());
        if (state != null && state.epoch == assignment.epoch()) {
            state.unfinished.remove(offset);
        }
    }

    /** Records received and not finished, over all partitions. */
    synchronized int outstanding() {
        return partitions.values().stream().mapToInt(s -> s.unfinished.size()).sum();
    }

    /** The offsets to commit now: per partition the lowest unfinished one, only where it moved. */
    synchronized Map<TopicPartition, OffsetAndMetadata> committable() {
        Map<TopicPartition, OffsetAndMetadata> result = new HashMap<>();
        partitions.forEach((partition, state) -> {
            long position = state.unfinished.isEmpty() ? state.next : state.unfinished.first();
            if (position > state.committed) {
                result.put(partition, new OffsetAndMetadata(position));
            }
        });
        return result;
    }

    synchronized void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
        offsets.forEach((partition, offset) -> {
            PartitionState state = partitions.get(partition);
            if (state != null) {
                state.committed = Math.max(state.committed, offset.offset());
            }
        });
    }

    /** Stops tracking partitions this consumer no longer owns; their records come again elsewhere. */
    synchronized void forget(Iterable<TopicPartition> revoked) {
        revoked.forEach(partitions::remove);
    }

    private static final class PartitionState {
        final long epoch;
        final TreeSet<Long> unfinished = new TreeSet<>();
        long next = -1;
        long committed = -1;

        PartitionState(long epoch) {
            this.epoch = epoch;
        }
    }
}
