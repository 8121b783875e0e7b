package dev.protostar.routes.keyed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.protostar.kafka.TopicSpec;
import dev.protostar.kafka.broker.LocalKafkaBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code kafka-keyed} consumer against a real broker: one partition, many keys at once. */
class KeyedKafkaConsumerIT {

    @TempDir
    static Path dir;

    private static LocalKafkaBroker broker;

    @BeforeAll
    static void start() throws Exception {
        broker = LocalKafkaBroker.start(dir, 0, 0);
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    @Test
    void runs_the_keys_of_one_partition_concurrently_and_each_key_in_order() throws Exception {
        String topic = topic("order");
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        Map<String, Queue<String>> seen = new ConcurrentHashMap<>();
        try (CamelContext camel = consume(topic, "g-order", exchange -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            Thread.sleep(300);
            seen.computeIfAbsent(key(exchange), k -> new ConcurrentLinkedQueue<>())
                    .add(body(exchange));
            running.decrementAndGet();
        })) {
            // One producer for all: the sends must outpace the 300 ms turns, or the test measures the producer.
            try (var producer = producer()) {
                for (int round = 0; round < 3; round++) {
                    for (int key = 0; key < 20; key++) {
                        producer.send(new ProducerRecord<>(
                                topic, 0, "k" + key, ("m" + round).getBytes(StandardCharsets.UTF_8)));
                    }
                }
            }
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> seen.values().stream().mapToInt(Queue::size).sum() == 60);
        }
        assertThat(seen).hasSize(20);
        assertThat(seen.values()).allSatisfy(values -> assertThat(values).containsExactly("m0", "m1", "m2"));
        assertThat(mostAtOnce.get())
                .as("records of one partition in flight at once")
                .isGreaterThanOrEqualTo(10);
    }

    @Test
    void commits_only_below_the_lowest_unfinished_record() throws Exception {
        String topic = topic("commit");
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger finished = new AtomicInteger();
        try (CamelContext camel = consume(topic, "g-commit", exchange -> {
                    if (key(exchange).equals("slow")) {
                        release.await();
                    }
                    finished.incrementAndGet();
                });
                Admin admin =
                        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            send(topic, "slow", "0");
            for (int i = 1; i <= 5; i++) {
                send(topic, "fast" + i, String.valueOf(i));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> finished.get() == 5);
            await().during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> committed(admin, "g-commit", topic) == 0);

            release.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> committed(admin, "g-commit", topic) == 6);
        }
    }

    private static String topic(String name) throws Exception {
        String topic = "keyed-it-" + name;
        broker.createTopics(List.of(TopicSpec.of(topic, 1, Map.of())));
        return topic;
    }

    private static CamelContext consume(String topic, String group, Processor processor) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        KeyedKafkaComponent component = new KeyedKafkaComponent();
        component.setBrokers(broker.bootstrapServers());
        camel.addComponent("kafka-keyed", component);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("kafka-keyed:" + topic + "?groupId=" + group + "&maxInFlight=100&shutdownTimeoutMs=500")
                        .process(processor);
            }
        });
        camel.start();
        return camel;
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(
                Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    private static void send(String topic, String key, String value) throws Exception {
        try (var producer = producer()) {
            producer.send(new ProducerRecord<>(topic, 0, key, value.getBytes(StandardCharsets.UTF_8)))
                    .get();
        }
    }

    private static long committed(Admin admin, String group, String topic) throws Exception {
        var offset = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get()
                .get(new TopicPartition(topic, 0));
        return offset == null ? -1 : offset.offset();
    }

    private static String key(Exchange exchange) {
        return exchange.getMessage().getHeader(KafkaConstants.KEY, String.class);
    }

    private static String body(Exchange exchange) {
        return new String(exchange.getMessage().getBody(byte[].class), StandardCharsets.UTF_8);
    }
}
