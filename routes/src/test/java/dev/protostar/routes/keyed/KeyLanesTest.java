package dev.protostar.routes.keyed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class KeyLanesTest {

    private final List<Long> started = new ArrayList<>();
    private final KeyLanes lanes = new KeyLanes(turn -> started.add(turn.offset()));

    @Test
    void runs_different_keys_at_once_and_one_key_in_order() {
        lanes.submit(record("a", 0, 1));
        lanes.submit(record("b", 0, 2));
        lanes.submit(record("a", 0, 3));
        lanes.submit(record("a", 0, 4));
        assertThat(started).containsExactly(1L, 2L);

        lanes.next("a");
        assertThat(started).containsExactly(1L, 2L, 3L);
        lanes.next("a");
        assertThat(started).containsExactly(1L, 2L, 3L, 4L);
        lanes.next("a");
        lanes.submit(record("a", 0, 5));
        assertThat(started).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void drops_waiting_records_of_revoked_partitions() {
        lanes.submit(record("a", 0, 1));
        lanes.submit(record("a", 0, 2));
        lanes.dropWaiting(Set.of(new TopicPartition("t", 0)));

        lanes.next("a");
        assertThat(started).containsExactly(1L);
    }

    @Test
    void records_without_a_key_do_not_wait_for_each_other() {
        lanes.submit(record(null, 0, 1));
        lanes.submit(record(null, 0, 2));
        assertThat(started).containsExactly(1L, 2L);
    }

    private static Turn record(String key, int partition, long offset) {
        return new Turn(
                new ConsumerRecord<>("t", partition, offset, key, new byte[0]),
                new Assignment(new TopicPartition("t", partition), 1));
    }
}
