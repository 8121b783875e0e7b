package dev.protostar.routes.keyed;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The partitions this consumer owns now, one {@link Assignment} each. Under cooperative-sticky
 * assignment a rebalance revokes only the partitions that move, so only their turns are told to stop;
 * the turns of partitions that stay run on untouched. Epochs rise across restarts of the poll loop, so
 * no two assignments of a partition ever share one.
 */
final class Assignments {

    private static final Logger log = LoggerFactory.getLogger(Assignments.class);

    private final Map<TopicPartition, Assignment> current = new ConcurrentHashMap<>();
    private final AtomicLong epochs = new AtomicLong();
    private final OffsetTracker offsets;
    private final KeyLanes lanes;
    private final WaitingRecords waiting;

    Assignments(OffsetTracker offsets, KeyLanes lanes, WaitingRecords waiting) {
        this.offsets = offsets;
        this.lanes = lanes;
        this.waiting = waiting;
    }

    /** The current assignment of {@code partition}, null if this consumer does not own it. */
    Assignment of(TopicPartition partition) {
        return current.get(partition);
    }

    /** The listener for one Kafka consumer; on revocation it commits what finished with {@code commitSync}. */
    ConsumerRebalanceListener listener(Consumer<Map<TopicPartition, OffsetAndMetadata>> commitSync) {
        return new Listener(commitSync);
    }

    /** Ends every assignment: the poll loop lost its consumer (failure or stop); a new member redoes them. */
    void endAll() {
        release(new HashSet<>(current.keySet()));
    }

    /** Tells every running turn to stop, keeping the offsets: at shutdown, after the drain timed out. */
    void stopTurns() {
        current.values().forEach(Assignment::end);
    }

    private void release(Set<TopicPartition> partitions) {
        partitions.forEach(p -> {
            Assignment gone = current.remove(p);
            if (gone != null) {
                gone.end();
            }
        });
        lanes.dropWaiting(partitions);
        waiting.forget(partitions);
        offsets.forget(partitions);
    }

    private final class Listener implements ConsumerRebalanceListener {

        private final Consumer<Map<TopicPartition, OffsetAndMetadata>> commitSync;

        Listener(Consumer<Map<TopicPartition, OffsetAndMetadata>> commitSync) {
            this.commitSync = commitSync;
        }

        /** Only the partitions that move (cooperative): what finished there is committed, the rest stops. */
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
            if (revoked.isEmpty()) {
                return;
            }
            var committable = offsets.committable();
            committable.keySet().retainAll(revoked);
            try {
                if (!committable.isEmpty()) {
                    commitSync.accept(committable);
                }
            } catch (RuntimeException e) {
                // The group moved on without us; the new owner redoes these records from the last commit.
                log.warn("Commit of revoked {} failed; their finished records come again", committable, e);
            }
            release(new HashSet<>(revoked));
            log.info("Partitions revoked: {}", revoked);
        }

        /** The group already gave these away (session expired): no commit is possible, just stop. */
        @Override
        public void onPartitionsLost(Collection<TopicPartition> lost) {
            release(new HashSet<>(lost));
            log.warn("Partitions lost: {}", lost);
        }

        /** Only the partitions newly added (cooperative), each under a fresh epoch. */
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
            Set<TopicPartition> stale = new HashSet<>(assigned);
            stale.retainAll(current.keySet());
            release(stale);
            assigned.forEach(p -> current.put(p, new Assignment(p, epochs.incrementAndGet())));
            if (!assigned.isEmpty()) {
                log.info("Partitions assigned: {}", assigned);
            }
        }
    }
}
