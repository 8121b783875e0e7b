package dev.protostar.routes.keyed;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Records received and not yet started — waiting behind their key, or for a slot — and since when: the
 * queueing delay a consumer adds, which the dam reads as a sojourn signal.
 */
final class WaitingRecords {

    /** By identity: two records are the same only if they are the same object. */
    private final Map<ConsumerRecord<?, ?>, Long> since = new ConcurrentHashMap<>();

    private final LongSupplier nanoTime;

    WaitingRecords(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    void arrived(ConsumerRecord<?, ?> record) {
        since.put(record, nanoTime.getAsLong());
    }

    void started(ConsumerRecord<?, ?> record) {
        since.remove(record);
    }

    /** Forgets the records of partitions this consumer no longer owns. */
    void forget(Set<TopicPartition> revoked) {
        since.keySet().removeIf(r -> revoked.contains(new TopicPartition(r.topic(), r.partition())));
    }

    /** Age of the oldest waiting record, 0 if none waits. */
    long oldestMillis() {
        long now = nanoTime.getAsLong();
        return since.values().stream().mapToLong(t -> now - t).max().orElse(0) / 1_000_000;
    }
}
