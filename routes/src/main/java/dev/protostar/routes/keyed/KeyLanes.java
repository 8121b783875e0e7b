package dev.protostar.routes.keyed;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * One lane per record key: at most one record of a key is processed at a time, the others wait in
 * arrival order. Different keys run concurrently, which is what frees a worker from the partition
 * count (Confluent's parallel consumer calls this KEY ordering).
 */
final class KeyLanes {

    private final Map<String, Queue<ConsumerRecord<String, byte[]>>> waiting = new HashMap<>();
    private final Consumer<ConsumerRecord<String, byte[]>> start;

    /** @param start runs a record; it must call {@link #next} when the record is finished */
    KeyLanes(Consumer<ConsumerRecord<String, byte[]>> start) {
        this.start = start;
    }

    void submit(ConsumerRecord<String, byte[]> record) {
        boolean idle;
        synchronized (this) {
            Queue<ConsumerRecord<String, byte[]>> lane = waiting.get(laneOf(record));
            idle = lane == null;
            if (idle) {
                waiting.put(laneOf(record), new ArrayDeque<>());
            } else {
                lane.add(record);
            }
        }
        if (idle) {
            start.accept(record);
        }
    }

    /** A record's lane: its key; a record without a key is a lane of its own. */
    static String laneOf(ConsumerRecord<String, byte[]> record) {
        return record.key() != null ? record.key() : "\0" + record.partition() + ":" + record.offset();
    }

    /** The record of {@code key} finished: starts the next one of that key, if any. */
    void next(String key) {
        ConsumerRecord<String, byte[]> following;
        synchronized (this) {
            Queue<ConsumerRecord<String, byte[]>> lane = waiting.get(key);
            following = lane == null ? null : lane.poll();
            if (following == null) {
                waiting.remove(key);
            }
        }
        if (following != null) {
            start.accept(following);
        }
    }

    /** Drops waiting records of revoked partitions: their new owner receives them again. */
    synchronized void dropWaiting(Set<TopicPartition> revoked) {
        waiting.values()
                .forEach(lane -> lane.removeIf(r -> revoked.contains(new TopicPartition(r.topic(), r.partition()))));
    }
}
