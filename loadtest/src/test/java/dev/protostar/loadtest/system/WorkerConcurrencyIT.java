package dev.protostar.loadtest.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.protostar.kafka.Topics;
import dev.protostar.loadtest.sim.SimulatorConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A worker's concurrency is its {@code max-in-flight}, not its partition count: one worker streams
 * hundreds of answers at once over the 12 partitions of chat-requests, and a worker that is full
 * pauses its partitions instead of taking more.
 */
class WorkerConcurrencyIT {

    private static final String REPLY = "Ten words of answer, streamed slowly after a long wait.";

    private static Stack stack;
    private static ApiClient api;

    @BeforeAll
    static void start() throws Exception {
        stack = Stack.start(SimulatorConfig.defaults()
                .withPort(0)
                // Six seconds to the first token: all 240 turns are admitted well within it even on a busy 2-core
                // machine, so the peak measures the worker, not how fast the test can post.
                .withTtftMs(6000)
                .withTokensPerSecond(10)
                .withMaxStreams(5000)
                .withReply(REPLY));
        api = stack.chatApi("concurrency-chat-api");
        stack.ingestion("concurrency-ingestion");
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void one_worker_streams_at_least_200_answers_at_once_whatever_the_partition_count() throws Exception {
        try (AppProcess worker = stack.worker("concurrency-worker", "active", Map.of())) {
            stack.llm.resetStats();
            List<Transcript> transcripts = converse(240);

            assertThat(transcripts)
                    .allSatisfy(t -> assertThat(t.text.toString()).isEqualTo(REPLY));
            long concurrent = stack.llm.stats().maxConcurrentStreams();
            System.out.printf(
                    "One worker, %d partitions: %d model streams at once (simulator TTFT 6 s)%n",
                    Topics.CHAT_REQUESTS.partitions(), concurrent);
            assertThat(concurrent)
                    .as("concurrent model streams of one worker")
                    .isGreaterThanOrEqualTo(200)
                    .isGreaterThan(Topics.CHAT_REQUESTS.partitions());
        }
    }

    @Test
    void a_full_worker_takes_no_more_than_its_max_in_flight_and_still_answers_everything() throws Exception {
        try (AppProcess worker = stack.worker("small-worker", "active", Map.of("PROTOSTAR_WORKER_MAXINFLIGHT", "4"))) {
            stack.llm.resetStats();
            List<Transcript> transcripts = converse(20);

            assertThat(transcripts)
                    .allSatisfy(t -> assertThat(t.text.toString()).isEqualTo(REPLY));
            assertThat(stack.llm.stats().maxConcurrentStreams()).isBetween(2L, 4L);
        }
    }

    private static List<Transcript> converse(int sessions) throws Exception {
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            return Stack.all(
                    stack.askAll(clients, api, stack.sessions(api, sessions), Stack.QUESTION, Duration.ofSeconds(90)));
        }
    }
}
