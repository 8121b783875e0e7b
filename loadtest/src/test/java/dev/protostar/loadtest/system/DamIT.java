package dev.protostar.loadtest.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.protostar.loadtest.sim.SimulatorConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Traffic Dam over the real pipeline: a chat-api whose limit is pinned at two turns in flight, a worker,
 * and a simulator slow enough (3 s to the first token) that admitted turns hold their slots while the test
 * knocks. Every refusal must name its gate, say when to come back, and give back what it took; every slot
 * must be free again when the answers are done.
 */
class DamIT {

    private static final String REPLY = "Four words, then done.";
    private static final String LONG_REPLY = String.join(" ", java.util.Collections.nCopies(40, "word"));
    private static final SimulatorConfig MODEL = SimulatorConfig.defaults()
            .withPort(0)
            .withTtftMs(3000)
            .withTokensPerSecond(20)
            .withReply(REPLY);

    private static Stack stack;
    private static ApiClient api;
    private static AppProcess chatApi;
    private static List<String> sessions;

    @BeforeAll
    static void start() throws Exception {
        stack = Stack.start(MODEL);
        api = stack.chatApi(
                "dam-chat-api",
                Map.of(
                        "PROTOSTAR_DAM_LIMIT_INITIAL", "2",
                        "PROTOSTAR_DAM_LIMIT_MIN", "2",
                        "PROTOSTAR_DAM_LIMIT_MAX", "2",
                        "PROTOSTAR_DAM_BULKSHARE", "0.5",
                        "PROTOSTAR_DAM_MINDEADLINE", "1s",
                        "PROTOSTAR_DAM_SHADOW", "none",
                        "PROTOSTAR_CHAT_ABANDONGRACE", "2s",
                        "PROTOSTAR_CHAT_WATCHREFRESH", "500ms"));
        chatApi = stack.app("dam-chat-api");
        stack.ingestion("dam-ingestion");
        stack.worker("dam-worker", "active", Map.of());
        sessions = stack.sessions(api, 6);
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void refuses_past_the_limit_with_a_503_that_names_the_gate_and_frees_every_slot_after() throws Exception {
        List<SseClient> streams = new ArrayList<>();
        try {
            List<String> admitted = new ArrayList<>();
            for (String session : sessions.subList(0, 2)) {
                streams.add(api.events(stack.recruiterKey, session, null));
                admitted.add(api.send(stack.recruiterKey, session, Stack.QUESTION));
            }

            ApiClient.Reply refused = ask(sessions.get(2), Map.of());

            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.raw().headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(refused.raw().headers().firstValueAsLong("Retry-After").orElse(0))
                    .isBetween(1L, 60L);
            assertThat(refused.body().get("gate").asText()).isEqualTo("capacity");
            assertThat(refused.body().get("type").asText()).isEqualTo("urn:protostar:problem:at-limit");
            assertThat(chatApi.metric("protostar_dam_rejected_total", "gate=\"capacity\""))
                    .isGreaterThanOrEqualTo(1);

            for (int i = 0; i < 2; i++) {
                Transcript answer = Transcript.read(streams.get(i), admitted.get(i), Duration.ofSeconds(60));
                assertThat(answer.end.path("type").asText()).isEqualTo("done");
                assertThat(answer.text.toString()).isEqualTo(REPLY);
            }
            awaitNoSlotsInUse();
            assertThat(ask(sessions.get(2), Map.of()).status())
                    .as("a slot freed by a done turn is free for the next")
                    .isEqualTo(202);
        } finally {
            for (SseClient stream : streams) {
                stream.close();
            }
            awaitNoSlotsInUse();
        }
    }

    @Test
    void bulk_turns_are_shed_first_while_a_person_still_gets_in() throws Exception {
        ApiClient.Reply bulk = ask(sessions.get(3), Map.of("Protostar-Priority", "bulk"));
        ApiClient.Reply moreBulk = ask(sessions.get(4), Map.of("Protostar-Priority", "bulk"));
        ApiClient.Reply person = ask(sessions.get(5), Map.of());

        assertThat(bulk.status()).as("bulk may fill half the limit").isEqualTo(202);
        assertThat(moreBulk.status()).isEqualTo(503);
        assertThat(moreBulk.body().get("gate").asText()).isEqualTo("capacity");
        assertThat(person.status())
                .as("an interactive turn still has its share")
                .isEqualTo(202);
        awaitNoSlotsInUse();
    }

    @Test
    void a_deadline_the_model_cannot_meet_is_refused_at_once() throws Exception {
        // One full turn teaches the dam that a first token takes about 3 s here.
        try (SseClient stream = api.events(stack.recruiterKey, sessions.get(0), null)) {
            String requestId = api.send(stack.recruiterKey, sessions.get(0), Stack.QUESTION);
            Transcript.read(stream, requestId, Duration.ofSeconds(60));
        }
        awaitNoSlotsInUse();

        long start = System.nanoTime();
        ApiClient.Reply hurried = ask(sessions.get(1), Map.of("Request-Timeout", "1.5"));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(hurried.status()).isEqualTo(503);
        assertThat(hurried.body().get("gate").asText()).isEqualTo("deadline");
        assertThat(hurried.raw().headers().firstValue("Retry-After")).isPresent();
        assertThat(millis).as("refused without waiting").isLessThan(1000);
        assertThat(ask(sessions.get(1), Map.of("Request-Timeout", "20")).status())
                .isEqualTo(202);
        awaitNoSlotsInUse();
    }

    @Test
    void a_tenant_over_its_requests_quota_gets_a_429_with_rate_limit_fields() throws Exception {
        // A tenant of its own (keys registered by this instance), so its quota is its own in Redis.
        String admin = "it-quota-admin-" + UUID.randomUUID();
        String recruiter = "it-quota-recruiter-" + UUID.randomUUID();
        ApiClient quotaApi = stack.chatApi(
                "dam-quota-chat-api",
                Map.of(
                        "PROTOSTAR_TENANT",
                        stack.tenant + "-quota",
                        "PROTOSTAR_ADMIN_KEY",
                        admin,
                        "PROTOSTAR_RECRUITER_KEY",
                        recruiter,
                        // the stack's ops key stays the stack tenant's (a bootstrap key takes its instance's tenant)
                        "PROTOSTAR_OPS_KEY",
                        "",
                        "PROTOSTAR_DAM_QUOTA_SHADOW",
                        "false",
                        "PROTOSTAR_DAM_QUOTA_REQUESTSPERMINUTE",
                        "2"));
        String candidate = quotaApi.createCandidate(admin, "Quota Candidate");
        List<ApiClient.Reply> replies = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String session = quotaApi.createSession(recruiter, candidate);
            replies.add(quotaApi.post(
                    "/api/v1/chat/sessions/" + session + "/messages", recruiter, Map.of("text", Stack.QUESTION)));
        }

        assertThat(replies.get(0).status()).isEqualTo(202);
        assertThat(replies.get(0).raw().headers().firstValue("RateLimit-Policy"))
                .hasValueSatisfying(policy ->
                        assertThat(policy).contains("\"requests\";q=2;w=60").contains("\"tokens\""));
        assertThat(replies.get(1).status()).isEqualTo(202);
        ApiClient.Reply refused = replies.get(2);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body().get("gate").asText()).isEqualTo("quota");
        assertThat(refused.body().get("type").asText()).isEqualTo("urn:protostar:problem:quota-exceeded");
        assertThat(refused.raw().headers().firstValueAsLong("Retry-After").orElse(0))
                .isBetween(1L, 60L);
        assertThat(refused.raw().headers().firstValue("RateLimit"))
                .hasValueSatisfying(limit -> assertThat(limit).startsWith("\"requests\";r=0"));
        // every turn asked the quota, and the refused one's session gate may still be answering: both timed
        AppProcess app = stack.app("dam-quota-chat-api");
        assertThat(app.metric("protostar_dam_gate_duration_seconds_count", "gate=\"quota\""))
                .isEqualTo(3);
        assertThat(app.metric("protostar_dam_gate_duration_seconds_count", "gate=\"session\""))
                .isBetween(2.0, 3.0);
    }

    @Test
    void a_client_that_leaves_mid_answer_cancels_the_turn_and_frees_its_slot() throws Exception {
        String session = sessions.get(4);
        stack.llm.reconfigure(MODEL.withTokensPerSecond(2).withReply(LONG_REPLY));
        String requestId;
        String lastSeen;
        try (SseClient stream = api.events(stack.recruiterKey, session, null)) {
            requestId = api.send(stack.recruiterKey, session, Stack.QUESTION);
            lastSeen = Transcript.readDeltas(stream, requestId, 2, Duration.ofSeconds(30))
                    .lastId();
        } finally {
            stack.llm.reconfigure(MODEL);
        }
        long left = System.nanoTime();

        awaitNoSlotsInUse();
        assertThat(Duration.ofNanos(System.nanoTime() - left))
                .as("cancelled after the 2 s grace, long before the 20 s answer would end")
                .isLessThan(Duration.ofSeconds(12));
        // Read afterwards: a client reading while the turn ran would be a watcher and keep it alive.
        try (SseClient history = api.events(stack.recruiterKey, session, lastSeen)) {
            Transcript end = Transcript.read(history, requestId, Duration.ofSeconds(30));
            assertThat(end.end.path("code").asText()).isEqualTo("cancelled");
        }
    }

    @Test
    void an_instance_holding_all_the_streams_it_can_refuses_one_more_with_a_503_and_takes_it_once_one_closes()
            throws Exception {
        // a heartbeat a second: a closed stream is noticed at the second write after it closed
        ApiClient small = stack.chatApi(
                "dam-chat-api-two-streams", Map.of("PROTOSTAR_MAX_STREAMS", "2", "PROTOSTAR_CHAT_HEARTBEAT", "1s"));
        try (SseClient first = small.events(stack.recruiterKey, sessions.get(0), null);
                SseClient second = small.events(stack.recruiterKey, sessions.get(1), null)) {
            ApiClient.Reply refused =
                    small.get("/api/v1/chat/sessions/" + sessions.get(2) + "/events", stack.recruiterKey);

            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.raw().headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(refused.raw().headers().firstValue("Retry-After")).hasValue("5");
            assertThat(refused.body().get("gate").asText()).isEqualTo("streams");
            first.close();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                try (SseClient third = small.events(stack.recruiterKey, sessions.get(2), null)) {
                    return true;
                } catch (IllegalStateException stillFull) {
                    return false;
                }
            });
        } finally {
            stack.app("dam-chat-api-two-streams").close();
        }
    }

    private static ApiClient.Reply ask(String session, Map<String, String> headers) throws Exception {
        return api.post(
                "/api/v1/chat/sessions/" + session + "/messages",
                stack.recruiterKey,
                Map.of("text", Stack.QUESTION),
                headers);
    }

    /** Every admitted turn of these tests ends within seconds; its slot must be free by then. */
    private static void awaitNoSlotsInUse() throws Exception {
        assertThat(chatApi.get("/actuator/prometheus")).contains("protostar_dam_in_flight ");
        long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (chatApi.metric("protostar_dam_in_flight") > 0) {
            assertThat(System.nanoTime()).as("slots still in use after 60 s").isLessThan(giveUp);
            Thread.sleep(200);
        }
    }
}
