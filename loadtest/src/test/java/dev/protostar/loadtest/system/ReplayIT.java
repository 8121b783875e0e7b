package dev.protostar.loadtest.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.protostar.kafka.Topics;
import dev.protostar.kafka.message.Priority;
import dev.protostar.loadtest.replay.IntakeClient;
import dev.protostar.loadtest.replay.Player;
import dev.protostar.loadtest.replay.RecordFile;
import dev.protostar.loadtest.replay.RecordedTurn;
import dev.protostar.loadtest.replay.Recorder;
import dev.protostar.loadtest.replay.ReplayPlan;
import dev.protostar.loadtest.sim.SimulatorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The topic replay tool against the whole system: turns sent through the API are recorded from the
 * broker's {@code chat-requests}, written to a record file, read back and replayed at 10× into the same
 * intake, and the replayed turns are followed on the topic.
 */
class ReplayIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<String> QUESTIONS =
            List.of(Stack.QUESTION, "Which team did she lead at Hanbit Pay?", "What throughput did settlement reach?");
    private static final int SESSIONS = 3;

    private static Stack stack;
    private static ApiClient api;
    private static List<RecordedTurn> recorded;
    private static Player.Result replay;
    /** The replayed turns as the intake put them on chat-requests. */
    private static List<RecordedTurn> replayedOnTopic;

    @BeforeAll
    static void recordAndReplay() throws Exception {
        stack = Stack.start(SimulatorConfig.defaults()
                .withPort(0)
                .withTtftMs(200)
                .withTokensPerSecond(50)
                .withReply("Jiwoo built the payment settlement service on Kafka at Hanbit Pay [1]."));
        api = stack.chatApi("replay-chat-api");
        stack.worker("replay-worker", "active", Map.of());
        stack.ingestion("replay-ingestion");
        String candidateId = stack.candidateWithResume(api);

        Instant from = Instant.now();
        converse(candidateId);
        Recorder recorder = new Recorder(stack.kafka.bootstrapServers());
        List<RecordedTurn> window = recorder.record(Topics.CHAT_REQUESTS.name(), from, Instant.now());
        Path file = Files.createTempDirectory("replay-it").resolve("window.jsonl");
        RecordFile.write(file, window);
        recorded = RecordFile.read(file);

        Instant replayFrom = Instant.now();
        Player player = new Player(new IntakeClient(api.baseUrl(), stack.recruiterKey), null, WAIT, System::nanoTime);
        replay = player.play(ReplayPlan.of(recorded, 10));
        System.out.println("Replay at 10x:\n" + replay.tally().report());
        replayedOnTopic =
                recorder
                        .record(
                                Topics.CHAT_REQUESTS.name(),
                                replayFrom,
                                Instant.now().plusSeconds(1))
                        .stream()
                        .filter(t ->
                                replay.acceptedRequestIds().contains(t.request().requestId()))
                        .toList();
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void the_window_holds_every_turn_sent_through_the_api_in_each_sessions_order() {
        assertThat(recorded).hasSize(SESSIONS * QUESTIONS.size());
        assertThat(bySession(recorded).values())
                .allSatisfy(texts -> assertThat(texts).isEqualTo(QUESTIONS));
    }

    @Test
    void every_replayed_turn_is_answered_or_cleanly_rejected() {
        var tally = replay.tally();

        assertThat(tally.offered()).isEqualTo(recorded.size());
        assertThat(tally.failed()).isZero();
        assertThat(tally.rejectedByStatus().keySet()).isSubsetOf(429, 503);
        assertThat(tally.accepted() + tally.rejected()).isEqualTo(tally.offered());
        assertThat(tally.accepted()).as("nothing overloads this stack").isPositive();
        assertThat(tally.answered()).as("every accepted turn ends with done").isEqualTo(tally.accepted());
        assertThat(tally.errors() + tally.unanswered()).isZero();
    }

    @Test
    void each_recorded_session_is_replayed_as_a_fresh_session_asking_in_the_same_order() {
        Map<String, List<String>> original = bySession(recorded);
        assertThat(replay.sessions()).hasSize(SESSIONS).containsOnlyKeys(original.keySet());
        assertThat(replay.sessions().values()).doesNotContainAnyElementsOf(original.keySet());

        Map<String, List<String>> replayed = bySession(replayedOnTopic);
        replay.sessions().forEach((from, to) -> {
            List<String> expected = original.get(from)
                    .subList(0, replayed.getOrDefault(to, List.of()).size());
            assertThat(replayed.getOrDefault(to, List.of()))
                    .as("session %s replayed as %s", from, to)
                    .isEqualTo(expected);
        });
        assertThat(replayedOnTopic).hasSize(replay.tally().accepted());
    }

    @Test
    void replayed_turns_carry_priority_replay_on_chat_requests() {
        assertThat(replayedOnTopic).isNotEmpty();
        assertThat(replayedOnTopic).extracting(t -> t.request().priority()).containsOnly(Priority.REPLAY);
    }

    /** Each session asks every question, one after another; sessions start a moment apart. */
    private static void converse(String candidateId) throws Exception {
        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            sessions.add(api.createSession(stack.recruiterKey, candidateId));
        }
        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < SESSIONS; i++) {
                String sessionId = sessions.get(i);
                long delay = i * 300L;
                done.add(clients.submit(() -> {
                    Thread.sleep(delay);
                    try (SseClient sse = api.events(stack.recruiterKey, sessionId, null)) {
                        for (String question : QUESTIONS) {
                            Transcript turn = Transcript.read(sse, send(sessionId, question), WAIT);
                            assertThat(turn.names.getLast()).isEqualTo("done");
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> session : done) {
                session.get();
            }
        }
    }

    /** The requestId: the session is free again the moment its previous turn's done was read. */
    private static String send(String sessionId, String question) throws Exception {
        var reply = api.post(
                "/api/v1/chat/sessions/" + sessionId + "/messages", stack.recruiterKey, Map.of("text", question));
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(202);
        return reply.body().get("requestId").asText();
    }

    /** Each session's question texts in topic order. */
    private static Map<String, List<String>> bySession(List<RecordedTurn> turns) {
        return turns.stream()
                .sorted(Comparator.comparingLong(RecordedTurn::offset))
                .collect(Collectors.groupingBy(
                        RecordedTurn::sessionId,
                        Collectors.mapping(t -> t.request().text(), Collectors.toList())));
    }
}
