package dev.protostar.loadtest.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.protostar.kafka.Topics;
import dev.protostar.loadtest.sim.LlmSimulator;
import dev.protostar.loadtest.sim.SimulatorConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

    private static LlmSimulator llm;
    private static Stack stack;
    private static ApiClient api;
    private static String candidateId;

    @BeforeAll
    static void start() throws Exception {
        llm = LlmSimulator.start(SimulatorConfig.defaults()
                .withPort(0)
                .withTtftMs(2000)
                .withTokensPerSecond(10)
                .withMaxStreams(5000)
                .withReply(REPLY));
        stack = Stack.start(llm.baseUrl());
        api = stack.chatApi("concurrency-chat-api");
        candidateId = api.createCandidate(stack.adminKey, "Concurrent Candidate");
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
        if (llm != null) {
            llm.close();
        }
    }

    @Test
    void one_worker_streams_at_least_200_answers_at_once_whatever_the_partition_count() throws Exception {
        try (AppProcess worker = stack.worker("concurrency-worker", "active", Map.of())) {
            llm.resetStats();
            List<Transcript> transcripts = converse(240);

            assertThat(transcripts)
                    .allSatisfy(t -> assertThat(t.text.toString()).isEqualTo(REPLY));
            long concurrent = llm.stats().maxConcurrentStreams();
            System.out.printf(
                    "One worker, %d partitions: %d model streams at once (simulator TTFT 2 s)%n",
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
            llm.resetStats();
            List<Transcript> transcripts = converse(20);

            assertThat(transcripts)
                    .allSatisfy(t -> assertThat(t.text.toString()).isEqualTo(REPLY));
            assertThat(llm.stats().maxConcurrentStreams()).isBetween(2L, 4L);
        }
    }

    /** {@code sessions} clients, each in its own session, ask one question at once and read the answer. */
    private static List<Transcript> converse(int sessions) throws Exception {
        List<String> sessionIds = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            sessionIds.add(api.createSession(stack.recruiterKey, candidateId));
        }
        List<Transcript> transcripts = new ArrayList<>();
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Transcript>> turns = new ArrayList<>();
            for (String sessionId : sessionIds) {
                turns.add(clients.submit(() -> {
                    try (SseClient sse = api.events(stack.recruiterKey, sessionId, null)) {
                        String requestId = api.send(stack.recruiterKey, sessionId, "How many?");
                        return Transcript.read(sse, requestId, Duration.ofSeconds(90));
                    }
                }));
            }
            for (Future<Transcript> turn : turns) {
                transcripts.add(turn.get());
            }
        }
        return transcripts;
    }
}
