package dev.protostar.routes.keyed;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.TopicPartition;

/**
 * One assignment of a partition to this consumer, from assigned until revoked or lost. A partition that
 * comes back gets a new one with a higher epoch, so a turn begun under the old one — still running when
 * the partition left — can neither finish a record of the new one nor keep it owned.
 */
final class Assignment {

    private final TopicPartition partition;
    private final long epoch;
    private final AtomicBoolean owned = new AtomicBoolean(true);
    private final CountDownLatch ended = new CountDownLatch(1);

    Assignment(TopicPartition partition, long epoch) {
        this.partition = partition;
        this.epoch = epoch;
    }

    TopicPartition partition() {
        return partition;
    }

    long epoch() {
        return epoch;
    }

    /** The flag handed to the route as {@link KeyedKafkaEndpoint#OWNED}. */
    AtomicBoolean owned() {
        return owned;
    }

    boolean isOwned() {
        return owned.get();
    }

    /** The partition left this consumer: its running turns are told to stop, its waits end. */
    void end() {
        owned.set(false);
        ended.countDown();
    }

    /** Waits up to {@code millis}; true if the assignment ended meanwhile. */
    boolean awaitEnd(long millis) throws InterruptedException {
        return ended.await(millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public String toString() {
        return partition + "@" + epoch;
    }
}
