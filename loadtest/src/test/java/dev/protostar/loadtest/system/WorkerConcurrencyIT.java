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
import org.junit.jupiter.api.Test;

/**
 * One worker carries far more concurrent answers than it owns partitions: 240 sessions over the 12
 * partitions of chat-requests, each answer waiting 2 s for its first token.
 */
class WorkerConcurrencyIT {

    private static final int SESSIONS = 240;
    private static final String REPLY = "Ten words of answer, streamed slowly after a long wait.";

    @Test
    void one_worker_streams_at_least_200_answers_at_once_whatever_the_partition_count() throws Exception {
        try (LlmSimulator llm = LlmSimulator.start(SimulatorConfig.defaults()
                        .withPort(0)
                        .withTtftMs(2000)
                        .withTokensPerSecond(10)
                        .withMaxStreams(5000)
                        .withReply(REPLY));
                Stack stack = Stack.start(llm.baseUrl())) {
            ApiClient api = stack.chatApi("concurrency-chat-api");
            stack.worker("concurrency-worker", "active", Map.of());
            String candidateId = api.createCandidate(stack.adminKey, "Concurrent Candidate");
            List<String> sessions = new ArrayList<>();
            for (int i = 0; i < SESSIONS; i++) {
                sessions.add(api.createSession(stack.recruiterKey, candidateId));
            }

            List<Transcript> transcripts = new ArrayList<>();
            try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<Transcript>> turns = new ArrayList<>();
                for (String sessionId : sessions) {
                    turns.add(clients.submit(() -> {
                        try (SseClient sse = api.events(stack.recruiterKey, sessionId, null)) {
                            String requestId = api.send(stack.recruiterKey, sessionId, "How many?");
                            return Transcript.read(sse, requestId, Duration.ofSeconds(60));
                        }
                    }));
                }
                for (Future<Transcript> turn : turns) {
                    transcripts.add(turn.get());
                }
            }

            assertThat(transcripts).allSatisfy(t -> {
                assertThat(t.text.toString()).isEqualTo(REPLY);
                assertThat(t.names.getLast()).isEqualTo("done");
            });
            assertThat(llm.stats().maxConcurrentStreams())
                    .as("concurrent model streams of one worker")
                    .isGreaterThanOrEqualTo(200)
                    .isGreaterThan(Topics.CHAT_REQUESTS.partitions());
        }
    }
}
