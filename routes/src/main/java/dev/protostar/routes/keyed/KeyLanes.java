package dev.protostar.routes.keyed;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * One lane per record key: at most one record of a key is processed at a time, the others wait in
 * arrival order. Different keys run concurrently, which is what frees a worker from the partition
 * count (Confluent's parallel consumer calls this KEY ordering).
 */
final class KeyLanes {

    private final Map<String, Queue<Turn>> waiting = new HashMap<>();
    private final Consumer<Turn> start;

    /** @param start runs a turn; it must call {@link #next} with its lane when the turn is over */
    KeyLanes(Consumer<Turn> start) {
        this.start = start;
    }

    void submit(Turn turn) {
        boolean idle;
        synchronized (this) {
            Queue<Turn> lane = waiting.get(turn.lane());
            idle = lane == null;
            if (idle) {
                waiting.put(turn.lane(), new ArrayDeque<>());
            } else {
                lane.add(turn);
            }
        }
        if (idle) {
            start.accept(turn);
        }
    }

    /** The record of {@code key} finished: starts the next one of that key, if any. */
    void next(String key) {
        Turn following;
        synchronized (this) {
            Queue<Turn> lane = waiting.get(key);
            following = lane == null ? null : lane.poll();
            if (following == null) {
                waiting.remove(key);
            }
        }
        if (following != null) {
            start.accept(following);
        }
    }

    /** Drops waiting turns of revoked partitions: their new owner receives them again. */
    synchronized void dropWaiting(Set<TopicPartition> revoked) {
        waiting.values()
                .forEach(lane ->
                        lane.removeIf(t -> revoked.contains(t.assignment().partition())));
    }
}
