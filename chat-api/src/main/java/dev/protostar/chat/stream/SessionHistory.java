package dev.protostar.chat.stream;

import dev.protostar.kafka.Json;
import dev.protostar.kafka.Topics;
import dev.protostar.kafka.message.ChatEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads a session's past answer events straight from {@code chat-results}: the topic is the record of
 * what was sent, so any instance can give a reconnecting client exactly what it missed.
 */
@Component
class SessionHistory {

    private static final String TOPIC = Topics.CHAT_RESULTS.name();

    private final String bootstrapServers;
    private final Duration readTimeout;
    private volatile int partitions;

    SessionHistory(
            @Value("${protostar.kafka.bootstrap-servers}") String bootstrapServers,
            @Value("${protostar.chat.history-read-timeout}") Duration readTimeout) {
        this.bootstrapServers = bootstrapServers;
        this.readTimeout = readTimeout;
    }

    /** The session's events with offsets above {@code after}, up to the end of its partition now. */
    List<Envelope> after(String sessionId, long after) {
        try (KafkaConsumer<String, byte[]> consumer = newConsumer()) {
            TopicPartition partition = new TopicPartition(TOPIC, partitionOf(sessionId, consumer));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            List<Envelope> events = new ArrayList<>();
            if (end <= after + 1) {
                return events;
            }
            consumer.assign(List.of(partition));
            consumer.seek(partition, after + 1);
            long giveUpAt = System.nanoTime() + readTimeout.toNanos();
            while (consumer.position(partition) < end) {
                if (System.nanoTime() > giveUpAt) {
                    throw new IllegalStateException("Reading the history of session " + sessionId + " timed out");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() < end && sessionId.equals(record.key())) {
                        events.add(envelope(record.offset(), record.value()));
                    }
                }
            }
            return events;
        }
    }

    static Envelope envelope(long offset, byte[] value) {
        return new Envelope(offset, Json.read(value, ChatEvent.class), new String(value, StandardCharsets.UTF_8));
    }

    /** The producer's default partitioner for a string key: murmur2 of its bytes. */
    private int partitionOf(String sessionId, KafkaConsumer<?, ?> consumer) {
        if (partitions == 0) {
            partitions = consumer.partitionsFor(TOPIC).size();
        }
        return Utils.toPositive(Utils.murmur2(sessionId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    private KafkaConsumer<String, byte[]> newConsumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
