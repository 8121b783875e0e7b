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
 * <p>Thread-safe: records finish on processing threads, commits happen on the poll thread.
 */
final class OffsetTracker {

    private final Map<TopicPartition, PartitionState> partitions = new HashMap<>();

    synchronized void received(TopicPartition partition, long offset) {
        PartitionState state = partitions.computeIfAbsent(partition, p -> new PartitionState());
        state.unfinished.add(offset);
        state.next = Math.max(state.next, offset + 1);
    }

    synchronized void finished(TopicPartition partition, long offset) {
        PartitionState state = partitions.get(partition);
        if (state != null) {
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
        final TreeSet<Long> unfinished = new TreeSet<>();
        long next = -1;
        long committed = -1;
    }
}
