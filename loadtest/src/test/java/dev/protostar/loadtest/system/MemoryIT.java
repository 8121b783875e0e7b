package dev.protostar.loadtest.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
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
 * Conversation memory over real parts: turns are recorded in PostgreSQL, folded into each session's summary
 * through {@code session-memory} (keyed by session), and a follow-up is answered from that memory — also by
 * a worker that was not there when the conversation began.
 */
class MemoryIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String RESUME =
            """
            # 이력서

            ## 토스페이먼츠 | 2021.04 ~ 재직중

            정산플랫폼팀 테크 리드. 백엔드 개발자 6명을 리드했습니다.

            ## 쿠팡 | 2017.09 ~ 2021.03 (3년 7개월)

            주문플랫폼팀 시니어 백엔드 엔지니어. 팀원 12명과 주문 시스템 MSA 전환을 맡았습니다.

            ## 모아소프트 | 2015.03 ~ 2017.08 (2년 6개월)

            솔루션개발팀 주임. 고객사 40곳의 쇼핑몰을 유지보수했습니다.
            """;

    private static Stack stack;
    private static ApiClient api;
    private static String candidateId;
    private static final List<AppProcess> workers = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        stack = Stack.offline();
        api = stack.chatApi("memory-it-chat-api");
        workers.add(stack.worker("memory-it-worker-1", "active", Map.of()));
        workers.add(stack.worker("memory-it-worker-2", "active", Map.of()));
        stack.ingestion("memory-it-ingestion");
        candidateId = api.createCandidate(stack.adminKey, "박서연");
        stack.ingest(api, candidateId, "이력서.md", RESUME.getBytes(StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void every_turn_is_recorded_with_its_answer_citations_usage_and_timings() throws Exception {
        String sessionId = api.createSession(stack.recruiterKey, candidateId);
        Transcript answer = ask(sessionId, "쿠팡에서는 얼마 동안 근무했나요?");

        String sql =
                "SELECT seq || '|' || question || '|' || (answer <> '') || '|' || (jsonb_array_length(citations) > 0)"
                        + " || '|' || (input_tokens > 0) || '|' || (total_ms >= ttft_ms) FROM turn WHERE request_id = '"
                        + answer.requestId + "'";
        // Recorded right after its done event went out.
        await().atMost(WAIT).until(() -> query(sql) != null);
        assertThat(query(sql)).isEqualTo("1|쿠팡에서는 얼마 동안 근무했나요?|true|true|true|true");
    }

    @Test
    void one_sessions_folds_stay_in_order_while_many_sessions_talk_at_once() throws Exception {
        List<String> questions = List.of(
                "토스페이먼츠에서는 어떤 팀에 있나요?",
                "쿠팡에서는 얼마 동안 근무했나요?",
                "모아소프트에서는 무슨 일을 했나요?",
                "토스페이먼츠에서 몇 명을 리드했나요?",
                "쿠팡에서 팀원은 몇 명이었나요?",
                "모아소프트 고객사는 몇 곳이었나요?",
                "토스페이먼츠 재직 기간은 어떻게 되나요?",
                "쿠팡에서 어떤 시스템을 맡았나요?");
        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            sessions.add(api.createSession(stack.recruiterKey, candidateId));
        }
        try (ExecutorService recruiters = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> talks = new ArrayList<>();
            for (String sessionId : sessions) {
                talks.add(recruiters.submit(() -> {
                    for (String question : questions) {
                        ask(sessionId, question);
                    }
                    return null;
                }));
            }
            for (Future<?> talk : talks) {
                talk.get();
            }
        }
        for (String sessionId : sessions) {
            await().atMost(WAIT)
                    .until(() ->
                            query("SELECT folded_through FROM session_memory WHERE session_id = '" + sessionId + "'")
                                    != null);
            int folded = Integer.parseInt(
                    query("SELECT folded_through FROM session_memory WHERE session_id = '" + sessionId + "'"));
            String summary = query("SELECT summary FROM session_memory WHERE session_id = '" + sessionId + "'");
            List<String> lines = summary.lines().toList();
            assertThat(lines).as("one line per folded turn").hasSize(folded);
            assertThat(folded).as("the last turn stays verbatim").isBetween(1, questions.size() - 1);
            for (int i = 0; i < folded; i++) {
                String gist = lines.get(i).substring(2, lines.get(i).indexOf(':'));
                for (String word : gist.split(" ")) {
                    assertThat(questions.get(i))
                            .as("line %d of %s: %s", i + 1, sessionId, gist)
                            .contains(word);
                }
            }
        }
    }

    @Test
    void a_follow_up_is_answered_from_memory_after_every_worker_was_killed_and_replaced() throws Exception {
        String sessionId = api.createSession(stack.recruiterKey, candidateId);
        ask(sessionId, "쿠팡에서는 얼마 동안 근무했나요?");
        ask(sessionId, "지금 회사에서는 어떤 팀에 있나요?");
        ask(sessionId, "모아소프트에서는 무슨 일을 했나요?");
        await().atMost(WAIT)
                .until(() -> "1"
                                .equals(query("SELECT folded_through FROM session_memory WHERE session_id = '"
                                        + sessionId + "'"))
                        || "2"
                                .equals(query("SELECT folded_through FROM session_memory WHERE session_id = '"
                                        + sessionId + "'")));

        for (AppProcess worker : workers) {
            worker.kill();
        }
        workers.clear();
        workers.add(stack.worker("memory-it-late-worker", "active", Map.of()));

        Transcript followUp = ask(sessionId, "처음에 물어본 회사에서 팀원은 몇 명이었나요?");
        assertThat(followUp.end.get("refused").asBoolean()).isFalse();
        assertThat(followUp.text.toString())
                .as("the first question's company, from the summary")
                .contains("12명");
    }

    private static Transcript ask(String sessionId, String question) throws Exception {
        try (SseClient sse = api.events(stack.recruiterKey, sessionId, null)) {
            return Transcript.read(sse, api.send(stack.recruiterKey, sessionId, question), WAIT);
        }
    }

    private static String query(String sql) throws Exception {
        return stack.query(sql);
    }
}
