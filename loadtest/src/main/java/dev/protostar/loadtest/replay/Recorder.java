package dev.protostar.loadtest.replay;

import dev.protostar.kafka.Json;
import dev.protostar.kafka.MalformedMessageException;
import dev.protostar.kafka.message.ChatRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the records of a topic whose timestamps fall in {@code [from, to)}. It assigns every partition
 * itself (no consumer group, no committed offsets), so recording never disturbs the workers' group and
 * can be repeated. Reads up to the end offsets seen when it started: records arriving meanwhile are not
 * waited for.
 */
public final class Recorder {

    private static final Duration POLL = Duration.ofMillis(500);

    private final String bootstrapServers;
    private int malformed;

    public Recorder(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** The window's turns, oldest first; records that are not a ChatRequest are counted and left out. */
    public List<RecordedTurn> record(String topic, Instant from, Instant to) {
        List<RecordedTurn> turns = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
            Map<TopicPartition, Long> query = new HashMap<>();
            partitions.forEach(p -> query.put(p, from.toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> start = consumer.offsetsForTimes(query);
            for (TopicPartition partition : partitions) {
                OffsetAndTimestamp first = start.get(partition);
                if (first == null) {
                    end.remove(partition); // nothing at or after 'from'
                } else {
                    consumer.seek(partition, first.offset());
                }
            }
            end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            consumer.pause(partitions.stream().filter(p -> !end.containsKey(p)).toList());
            while (!end.isEmpty()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    Long last = end.get(partition);
                    if (last == null || record.offset() >= last) {
                        continue;
                    }
                    Instant timestamp = Instant.ofEpochMilli(record.timestamp());
                    if (!timestamp.isBefore(from) && timestamp.isBefore(to)) {
                        accept(turns, record, timestamp);
                    }
                }
                for (TopicPartition partition : List.copyOf(end.keySet())) {
                    if (consumer.position(partition) >= end.get(partition)) {
                        end.remove(partition);
                        consumer.pause(List.of(partition));
                    }
                }
            }
        }
        turns.sort(Comparator.comparing(RecordedTurn::timestamp)
                .thenComparingInt(RecordedTurn::partition)
                .thenComparingLong(RecordedTurn::offset));
        return turns;
    }

    /** Records in the window that were not a ChatRequest. */
    public int malformed() {
        return malformed;
    }

    private void accept(List<RecordedTurn> turns, ConsumerRecord<String, byte[]> record, Instant timestamp) {
        try {
            ChatRequest request = Json.read(record.value(), ChatRequest.class);
            turns.add(new RecordedTurn(timestamp, record.partition(), record.offset(), request));
        } catch (MalformedMessageException | NullPointerException e) {
            malformed++;
        }
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "protostar-replay-recorder");
        return new KafkaConsumer<>(config);
    }
}
