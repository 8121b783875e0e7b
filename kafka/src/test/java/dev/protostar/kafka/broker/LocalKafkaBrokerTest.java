package dev.protostar.kafka.broker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.protostar.kafka.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKafkaBrokerTest {

    @TempDir
    Path dir;

    @Test
    void creates_the_catalog_and_keeps_records_across_a_restart() throws Exception {
        int port;
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(dir, 0, 0)) {
            broker.createTopics(Topics.ALL);
            broker.createTopics(Topics.ALL); // idempotent
            port = Integer.parseInt(broker.bootstrapServers().split(":")[1]);
            try (Admin admin =
                    Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                var topics = admin.describeTopics(
                                Topics.ALL.stream().map(t -> t.name()).toList())
                        .allTopicNames()
                        .get();
                Topics.ALL.forEach(
                        spec -> assertThat(topics.get(spec.name()).partitions()).hasSize(spec.partitions()));
                var status = new ConfigResource(ConfigResource.Type.TOPIC, Topics.WORKER_STATUS.name());
                assertThat(admin.describeConfigs(List.of(status))
                                .all()
                                .get()
                                .get(status)
                                .get("cleanup.policy")
                                .value())
                        .isEqualTo("compact");
            }
            try (var producer = new KafkaProducer<>(
                    Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                    new StringSerializer(),
                    new StringSerializer())) {
                producer.send(new ProducerRecord<>(Topics.CHAT_CONTROL.name(), 0, "s1", "hello"))
                        .get();
            }
        }
        try (LocalKafkaBroker again = LocalKafkaBroker.start(dir, port, 0)) {
            assertThat(readAll(again.bootstrapServers())).containsExactly("hello");
        }
    }

    private static List<String> readAll(String bootstrap) {
        try (var consumer = new KafkaConsumer<>(
                Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringDeserializer(),
                new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(Topics.CHAT_CONTROL.name(), 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long giveUp = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < giveUp) {
                var records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    return records.records(partition).stream()
                            .map(ConsumerRecord::value)
                            .toList();
                }
            }
            return List.of();
        }
    }
}
