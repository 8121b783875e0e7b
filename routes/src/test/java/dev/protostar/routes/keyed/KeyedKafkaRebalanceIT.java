package dev.protostar.routes.keyed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.protostar.kafka.TopicSpec;
import dev.protostar.kafka.broker.LocalKafkaBroker;
import dev.protostar.routes.DeadLetterConfiguration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.ConsumerGroupState;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code kafka-keyed} consumer under rebalances and faults, against a real broker. Faults the broker
 * cannot be made to produce on cue (a poll that throws) come from a real Kafka consumer that fails on
 * demand.
 */
class KeyedKafkaRebalanceIT {

    @TempDir
    static Path dir;

    private static LocalKafkaBroker broker;
    private static Admin admin;

    @BeforeAll
    static void start() throws Exception {
        broker = LocalKafkaBroker.start(dir, 0, 0);
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    @AfterAll
    static void stop() {
        admin.close();
        broker.close();
    }

    @Test
    void a_turn_running_across_a_rejoin_never_moves_the_commit_past_its_copy_received_again() throws Exception {
        String topic = topic("rejoin", 1);
        AtomicBoolean failPolls = new AtomicBoolean();
        CountDownLatch firstCopy = new CountDownLatch(1);
        CountDownLatch secondCopy = new CountDownLatch(1);
        AtomicInteger slowRuns = new AtomicInteger();
        AtomicInteger fastRuns = new AtomicInteger();
        try (CamelContext camel = consume(topic, "g-rejoin", "a", failPolls, exchange -> {
            if (key(exchange).equals("slow")) {
                // Work that does not look at OWNED: it runs on after its partition left this member.
                (slowRuns.incrementAndGet() == 1 ? firstCopy : secondCopy).await();
            } else {
                fastRuns.incrementAndGet();
            }
        })) {
            send(topic, 0, "slow", "0");
            for (int i = 1; i <= 3; i++) {
                send(topic, 0, "fast" + i, String.valueOf(i));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> fastRuns.get() == 3 && slowRuns.get() == 1);

            failPolls.set(true);
            await().atMost(Duration.ofSeconds(10)).until(() -> !consumer(camel).consuming());
            failPolls.set(false);
            await().atMost(Duration.ofSeconds(20)).until(() -> fastRuns.get() == 6);

            firstCopy.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> slowRuns.get() == 2);
            await().during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> committed("g-rejoin", topic, 0) == 0);

            secondCopy.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> committed("g-rejoin", topic, 0) == 4);
        }
    }

    @Test
    void a_record_neither_handled_nor_dead_lettered_is_tried_again_and_not_committed() throws Exception {
        String topic = topic("undead", 1);
        AtomicInteger badRuns = new AtomicInteger();
        AtomicInteger goodRuns = new AtomicInteger();
        try (CamelContext camel = consume(topic, "g-undead", "a", new AtomicBoolean(), exchange -> {
            if (key(exchange).equals("bad")) {
                badRuns.incrementAndGet();
                throw new IllegalStateException("cannot answer");
            }
            goodRuns.incrementAndGet();
        })) {
            // No DLT topic yet, and the broker creates none: dead-lettering fails as well.
            send(topic, 0, "bad", "0");
            send(topic, 0, "good", "1");
            await().atMost(Duration.ofSeconds(20)).until(() -> goodRuns.get() == 1 && badRuns.get() >= 3);
            assertThat(committed("g-undead", topic, 0)).isZero();

            broker.createTopics(List.of(TopicSpec.of(topic + "-dlt", 1, Map.of())));
            await().atMost(Duration.ofSeconds(20)).until(() -> committed("g-undead", topic, 0) == 2);
            assertThat(endOffset(topic + "-dlt")).isEqualTo(1);
        }
    }

    @Test
    void the_poll_loop_rejoins_after_failures_and_is_not_consuming_meanwhile() throws Exception {
        String topic = topic("restart", 1);
        AtomicBoolean failPolls = new AtomicBoolean();
        Queue<String> seen = new ConcurrentLinkedQueue<>();
        try (CamelContext camel = consume(topic, "g-restart", "a", failPolls, exchange -> seen.add(body(exchange)))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> consumer(camel).consuming());

            failPolls.set(true);
            await().atMost(Duration.ofSeconds(10)).until(() -> !consumer(camel).consuming());
            send(topic, 0, "k", "during");
            await().during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> !consumer(camel).consuming() && seen.isEmpty());

            failPolls.set(false);
            send(topic, 0, "k", "after");
            await().atMost(Duration.ofSeconds(20)).until(() -> seen.size() == 2);
            assertThat(seen).containsExactly("during", "after");
            assertThat(consumer(camel).consuming()).isTrue();
            await().atMost(Duration.ofSeconds(10)).until(() -> committed("g-restart", topic, 0) == 2);
        }
    }

    @Test
    void a_member_joining_stops_only_the_turns_of_partitions_that_move() throws Exception {
        String topic = topic("cooperative", 4);
        String group = "g-cooperative";
        Queue<Held> held = new ConcurrentLinkedQueue<>();
        CountDownLatch release = new CountDownLatch(1);
        try (CamelContext a = consume(topic, group, "a", new AtomicBoolean(), hold("a", held, release));
                CamelContext b = consume(topic, group, "b", new AtomicBoolean(), hold("b", held, release))) {
            awaitStable(group, 2);
            for (int p = 0; p < 4; p++) {
                send(topic, p, "k" + p, String.valueOf(p));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> held.size() == 4);

            try (CamelContext c = consume(topic, group, "c", new AtomicBoolean(), hold("c", held, release))) {
                Set<Integer> moved = awaitStable(group, 3).get("c");
                assertThat(moved).as("partitions moved to the new member").isNotEmpty();
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> held.stream()
                                        .filter(h -> h.member().equals("c"))
                                        .count()
                                == moved.size());

                Map<Boolean, Set<Integer>> byOwned = held.stream()
                        .filter(h -> !h.member().equals("c"))
                        .collect(Collectors.partitioningBy(
                                h -> h.owned().get(), Collectors.mapping(Held::partition, Collectors.toSet())));
                assertThat(byOwned.get(false)).as("turns stopped").isEqualTo(moved);
                assertThat(byOwned.get(true)).as("turns running on").hasSize(4 - moved.size());
                release.countDown();
            }
        }
    }

    /** A turn that holds until released or told its partition left (OWNED turned false). */
    private record Held(String member, int partition, AtomicBoolean owned) {}

    private static Processor hold(String member, Queue<Held> held, CountDownLatch release) {
        return exchange -> {
            AtomicBoolean owned = exchange.getProperty(KeyedKafkaEndpoint.OWNED, AtomicBoolean.class);
            held.add(new Held(member, exchange.getMessage().getHeader(KafkaConstants.PARTITION, Integer.class), owned));
            while (owned.get() && !release.await(20, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                // holding the turn
            }
        };
    }

    /** Waits until the group is stable with {@code members} members; their partitions by client id. */
    private static Map<String, Set<Integer>> awaitStable(String group, int members) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> {
                            var description = admin.describeConsumerGroups(List.of(group))
                                    .all()
                                    .get()
                                    .get(group);
                            if (description.state() != ConsumerGroupState.STABLE
                                    || description.members().size() != members) {
                                return null;
                            }
                            return description.members().stream()
                                    .collect(Collectors.toMap(
                                            m -> m.clientId(), m -> m.assignment().topicPartitions().stream()
                                                    .map(TopicPartition::partition)
                                                    .collect(Collectors.toSet())));
                        },
                        assignment -> assignment != null
                                && assignment.values().stream()
                                                .mapToInt(Set::size)
                                                .sum()
                                        == 4);
    }

    private static String topic(String name, int partitions) throws Exception {
        String topic = "keyed-rebalance-it-" + name;
        broker.createTopics(List.of(TopicSpec.of(topic, partitions, Map.of())));
        return topic;
    }

    /** A member of {@code group}; its Kafka consumers throw from poll while {@code failPolls} is set. */
    private static CamelContext consume(
            String topic, String group, String clientId, AtomicBoolean failPolls, Processor processor)
            throws Exception {
        CamelContext camel = new DefaultCamelContext();
        KeyedKafkaComponent component = new KeyedKafkaComponent();
        component.setBrokers(broker.bootstrapServers());
        camel.addComponent("kafka-keyed", component);
        KafkaComponent kafka = new KafkaComponent();
        kafka.getConfiguration().setBrokers(broker.bootstrapServers());
        kafka.getConfiguration().setValueSerializer(ByteArraySerializer.class.getName());
        // A missing DLT topic fails the send in a second rather than the producer's default minute.
        kafka.getConfiguration().setMaxBlockMs(1_000);
        camel.addComponent("kafka", kafka);
        camel.addRoutes(new DeadLetterConfiguration(0));
        KeyedKafkaEndpoint endpoint = camel.getEndpoint(
                "kafka-keyed:" + topic + "?groupId=" + group + "&clientId=" + clientId
                        + "&maxInFlight=100&shutdownTimeoutMs=500&sessionTimeoutMs=6000"
                        + "&backoffMs=200&maxBackoffMs=1000",
                KeyedKafkaEndpoint.class);
        endpoint.setKafkaConsumers(props -> new FailingOnDemand(props, failPolls));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(endpoint)
                        .routeId("consume")
                        .routeConfigurationId(DeadLetterConfiguration.ID)
                        .process(processor);
            }
        });
        camel.start();
        return camel;
    }

    /** A real Kafka consumer whose poll throws while {@code fail} is set, as a broker fault would. */
    private static final class FailingOnDemand extends KafkaConsumer<String, byte[]> {

        private final AtomicBoolean fail;

        FailingOnDemand(Properties props, AtomicBoolean fail) {
            super(props, new StringDeserializer(), new ByteArrayDeserializer());
            this.fail = fail;
        }

        @Override
        public ConsumerRecords<String, byte[]> poll(Duration timeout) {
            if (fail.get()) {
                throw new KafkaException("injected poll failure");
            }
            return super.poll(timeout);
        }
    }

    private static KeyedKafkaConsumer consumer(CamelContext camel) {
        return (KeyedKafkaConsumer) camel.getRoute("consume").getConsumer();
    }

    private static void send(String topic, int partition, String key, String value) throws Exception {
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, partition, key, value.getBytes(StandardCharsets.UTF_8)))
                    .get();
        }
    }

    private static long committed(String group, String topic, int partition) throws Exception {
        var offset = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get()
                .get(new TopicPartition(topic, partition));
        return offset == null ? -1 : offset.offset();
    }

    private static long endOffset(String topic) throws Exception {
        TopicPartition partition = new TopicPartition(topic, 0);
        return admin.listOffsets(Map.of(partition, OffsetSpec.latest()))
                .partitionResult(partition)
                .get()
                .offset();
    }

    private static String key(Exchange exchange) {
        return exchange.getMessage().getHeader(KafkaConstants.KEY, String.class);
    }

    private static String body(Exchange exchange) {
        return new String(exchange.getMessage().getBody(byte[].class), StandardCharsets.UTF_8);
    }
}
