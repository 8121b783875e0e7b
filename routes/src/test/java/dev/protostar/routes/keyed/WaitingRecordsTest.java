package dev.protostar.routes.keyed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class WaitingRecordsTest {

    private final AtomicLong now = new AtomicLong();
    private final WaitingRecords waiting = new WaitingRecords(now::get);

    private static ConsumerRecord<String, byte[]> record(int partition, long offset) {
        return new ConsumerRecord<>("chat-requests", partition, offset, "session", new byte[0]);
    }

    private void advance(long millis) {
        now.addAndGet(Duration.ofMillis(millis).toNanos());
    }

    @Test
    void nothing_waiting_is_zero() {
        assertThat(waiting.oldestMillis()).isZero();
    }

    @Test
    void reports_the_oldest_record_not_yet_started() {
        var first = record(0, 1);
        var second = record(0, 2);
        waiting.arrived(first);
        advance(300);
        waiting.arrived(second);
        advance(200);
        assertThat(waiting.oldestMillis()).isEqualTo(500);

        waiting.started(first);
        assertThat(waiting.oldestMillis()).isEqualTo(200);
    }

    @Test
    void forgets_the_records_of_revoked_partitions() {
        waiting.arrived(record(0, 1));
        advance(100);
        waiting.arrived(record(1, 1));
        advance(100);
        waiting.forget(Set.of(new TopicPartition("chat-requests", 0)));
        assertThat(waiting.oldestMillis()).isEqualTo(100);
    }
}
