package dev.protostar.loadtest.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.protostar.kafka.Json;
import dev.protostar.kafka.Topics;
import dev.protostar.kafka.message.WorkerStatus;
import dev.protostar.loadtest.sim.SimulatorConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The worker's LLM circuit breaker over the simulator: a long stream is not cut, 429s are back-pressure and
 * never open it, failing openings open it — the heartbeat on {@code worker-status} says so, with the time
 * left — turns meanwhile end at once without a model call, and after the open wait it half-opens and closes
 * on a successful trial. The tests run in order: they share one worker and so one breaker.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LlmBreakerIT {

    private static final String WORKER = "breaker-worker";
    /** Twelve words at 6 per second: a stream of about two seconds. */
    private static final String REPLY = "A steady answer of twelve words that keeps flowing for about two seconds.";

    private static final SimulatorConfig MODEL = SimulatorConfig.defaults()
            .withPort(0)
            .withTtftMs(100)
            .withTokensPerSecond(6)
            .withMaxStreams(1000)
            .withReply(REPLY);
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static Stack stack;
    private static ApiClient api;
    private static String candidateId;
    private static KafkaConsumer<String, byte[]> heartbeats;
    private static volatile WorkerStatus latest;

    @BeforeAll
    static void start() throws Exception {
        stack = Stack.start(MODEL);
        api = stack.chatApi("breaker-chat-api");
        stack.ingestion("breaker-ingestion");
        stack.worker(
                WORKER,
                "active",
                Map.of(
                        "PROTOSTAR_LLM_BREAKER_MINIMUMCALLS", "3",
                        "PROTOSTAR_LLM_BREAKER_WINDOW", "3",
                        "PROTOSTAR_LLM_BREAKER_OPENWAIT", "8s",
                        "PROTOSTAR_LLM_BREAKER_HALFOPENCALLS", "1",
                        // One retry after a 429, so a refused turn ends within seconds here.
                        "PROTOSTAR_LLM_RATELIMITRETRIES", "1"));
        candidateId = stack.candidateWithResume(api);
        heartbeats = heartbeatConsumer();
    }

    @AfterAll
    static void stop() throws Exception {
        if (heartbeats != null) {
            heartbeats.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void a_stream_flowing_for_longer_than_a_second_is_answered_whole() throws Exception {
        Transcript turn = ask();

        assertThat(turn.names.getLast()).isEqualTo("done");
        assertThat(turn.text.toString()).isEqualTo(REPLY);
        assertThat(turn.end.at("/timings/totalMs").asLong()).isGreaterThan(1500);
        assertThat(awaitStatus(s -> true).breaker()).isEqualTo("CLOSED");
    }

    @Test
    @Order(2)
    void a_429_before_the_first_token_is_retried_after_the_wait_the_provider_asks_for() throws Exception {
        long refusedBefore = stack.llm.stats().rejected429();
        stack.llm.reconfigure(MODEL.withMaxStreams(0).withRetryAfterSeconds(2));
        Transcript turn;
        try (ExecutorService client = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Transcript> asked = client.submit(LlmBreakerIT::ask);
            long giveUp = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (stack.llm.stats().rejected429() == refusedBefore && System.nanoTime() < giveUp) {
                Thread.sleep(50);
            }
            stack.llm.reconfigure(MODEL);
            turn = asked.get();
        } finally {
            stack.llm.reconfigure(MODEL);
        }

        assertThat(turn.names.getLast()).isEqualTo("done");
        assertThat(turn.text.toString()).isEqualTo(REPLY);
        assertThat(turn.end.at("/timings/ttftMs").asLong())
                .as("the first token came after the provider's 2 s")
                .isGreaterThanOrEqualTo(2000);
    }

    @Test
    @Order(3)
    void provider_429s_end_turns_as_rate_limited_and_never_open_the_breaker() throws Exception {
        Instant began = Instant.now();
        stack.llm.reconfigure(MODEL.withMaxStreams(0).withRetryAfterSeconds(3));
        try {
            for (int i = 0; i < 5; i++) {
                Transcript turn = ask();
                assertThat(turn.end.get("code").asText()).isEqualTo("llm_rate_limited");
                assertThat(turn.end.get("message").asText()).contains("rate limiting", "retry in 3 s");
            }
        } finally {
            stack.llm.reconfigure(MODEL);
        }
        assertThat(stack.llm.stats().rejected429()).as("each turn tried twice").isGreaterThanOrEqualTo(10);
        WorkerStatus after = awaitStatus(s -> s.at().isAfter(began.plusSeconds(1)));
        assertThat(after.breaker()).isEqualTo("CLOSED");
    }

    @Test
    @Order(4)
    void failing_openings_open_the_breaker_turns_then_end_at_once_and_it_recovers_after_the_wait() throws Exception {
        stack.llm.reconfigure(MODEL.withErrorRate(1.0));
        // The window (3) holds the first test's success; two failures make 2 of 3, over the 50 % threshold.
        for (int i = 0; i < 2; i++) {
            assertThat(ask().end.get("code").asText()).isEqualTo("llm_error");
        }
        WorkerStatus open = awaitStatus(s -> s.breaker().equals("OPEN"));
        assertThat(open.breakerOpenRemainingMs()).isPositive().isLessThanOrEqualTo(8000);

        stack.llm.reconfigure(MODEL);
        long requests = stack.llm.stats().requests();
        for (int i = 0; i < 2; i++) {
            Transcript refused = ask();
            assertThat(refused.end.get("code").asText()).isEqualTo("llm_unavailable");
            assertThat(refused.end.get("message").asText()).contains("unavailable", "tried again in");
        }
        assertThat(stack.llm.stats().requests())
                .as("no model call while the breaker is open")
                .isEqualTo(requests);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> awaitStatus(s -> true).breaker().equals("HALF_OPEN"));
        Transcript trial = ask();
        assertThat(trial.names.getLast()).isEqualTo("done");
        assertThat(trial.text.toString()).isEqualTo(REPLY);
        WorkerStatus closed = awaitStatus(s -> s.breaker().equals("CLOSED"));
        assertThat(closed.breakerOpenRemainingMs()).isZero();
    }

    private static Transcript ask() throws Exception {
        String sessionId = api.createSession(stack.recruiterKey, candidateId);
        try (SseClient sse = api.events(stack.recruiterKey, sessionId, null)) {
            return Transcript.read(sse, api.send(stack.recruiterKey, sessionId, Stack.QUESTION), WAIT);
        }
    }

    /** The worker's heartbeats, from the start of the compacted topic. */
    private static KafkaConsumer<String, byte[]> heartbeatConsumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka.bootstrapServers());
        KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = IntStream.range(0, Topics.WORKER_STATUS.partitions())
                .mapToObj(p -> new TopicPartition(Topics.WORKER_STATUS.name(), p))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    /** Reads heartbeats until this worker's latest one matches; returns it. */
    private static WorkerStatus awaitStatus(Predicate<WorkerStatus> wanted) {
        await().atMost(WAIT).until(() -> {
            for (var record : heartbeats.poll(Duration.ofMillis(200))) {
                if (WORKER.equals(record.key())) {
                    latest = Json.read(record.value(), WorkerStatus.class);
                }
            }
            return latest != null && wanted.test(latest);
        });
        return latest;
    }
}
