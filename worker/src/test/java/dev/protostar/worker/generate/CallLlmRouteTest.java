package dev.protostar.worker.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.RateLimitException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The {@code call-llm} route's breaker, over a scripted model: what opens it, what does not, how it recovers. */
class CallLlmRouteTest {

    private static final Duration STALL = Duration.ofSeconds(2);
    private static final List<String> ANSWER = List.of("Jiwoo", " built", " the", " settlement", " service", ".");

    private final LlmBreaker breaker = new LlmBreaker(
            new LlmProperties.Breaker(50, Duration.ofMillis(300), 50, 4, 4, Duration.ofMillis(500), 2),
            System::nanoTime);
    private final ModelStreams streams = new ModelStreams(Duration.ofSeconds(10), System::nanoTime);
    private CamelContext camel;
    private CallLlm callLlm;

    private void start() throws Exception {
        start(0);
    }

    private void start(int rateLimitRetries) throws Exception {
        camel = new DefaultCamelContext();
        camel.getRegistry().bind(CallLlmRoute.BREAKER, breaker.circuitBreaker());
        camel.addRoutes(new CallLlmRoute());
        camel.start();
        callLlm = new CallLlm(
                camel.createProducerTemplate(),
                breaker,
                new LlmProperties(
                        null,
                        null,
                        null,
                        STALL,
                        LlmProperties.OnBreakerOpen.ERROR,
                        null,
                        rateLimitRetries,
                        Duration.ofMillis(100),
                        Duration.ofMillis(300),
                        Duration.ofSeconds(10)),
                streams);
    }

    @AfterEach
    void stop() {
        if (camel != null) {
            camel.stop();
        }
    }

    private static class Sink implements TokenSink {
        final List<String> tokens = new ArrayList<>();

        @Override
        public synchronized void token(String text) {
            tokens.add(text);
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    }

    private LlmStream open(ScriptedModel model, Sink sink) {
        return callLlm.open(new LlmCall(model, new Prompt("rules", "question", 10, 0), sink, STALL));
    }

    private String codeOf(ScriptedModel model) {
        try {
            open(model, new Sink()).awaitEnd();
            return "answered";
        } catch (GenerationException e) {
            return e.code();
        }
    }

    @Test
    void opens_after_failing_openings_and_then_refuses_at_once_without_calling_the_model() throws Exception {
        start();
        ScriptedModel model = new ScriptedModel(ScriptedModel.failing(new HttpException(500, "server_error")));
        for (int i = 0; i < 4; i++) {
            assertThat(codeOf(model)).isEqualTo("llm_error");
        }
        assertThat(breaker.state()).isEqualTo("OPEN");
        assertThat(breaker.openRemainingMillis()).isPositive().isLessThanOrEqualTo(500);

        long began = System.nanoTime();
        assertThatThrownBy(() -> open(model, new Sink()))
                .isInstanceOf(BreakerOpenException.class)
                .hasMessageContaining("tried again in")
                .extracting(e -> ((GenerationException) e).code())
                .isEqualTo("llm_unavailable");
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofMillis(100));
        assertThat(model.calls).hasValue(4);
    }

    @Test
    void a_429_is_opened_again_after_a_wait_and_the_turn_goes_on_once_the_provider_has_room() throws Exception {
        start(2);
        ScriptedModel model = new ScriptedModel(ScriptedModel.failing(new RateLimitException(new HttpException(
                429, "{\"error\":{\"message\":\"Rate limit reached. Please try again in 200ms.\"}}"))));
        Thread.ofVirtual().start(() -> {
            while (model.calls.get() == 0) {
                Thread.onSpinWait();
            }
            model.then(ScriptedModel.answering(Duration.ofMillis(10), Duration.ofMillis(5), ANSWER));
        });
        Sink sink = new Sink();

        long began = System.nanoTime();
        open(model, sink).awaitEnd();

        assertThat(String.join("", sink.tokens)).isEqualTo(String.join("", ANSWER));
        assertThat(model.calls).hasValue(2);
        assertThat(Duration.ofNanos(System.nanoTime() - began))
                .as("waited as the provider asked")
                .isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void retries_stop_after_their_budget_and_the_turn_ends_rate_limited() throws Exception {
        start(2);
        ScriptedModel model =
                new ScriptedModel(ScriptedModel.failing(new RateLimitException(new HttpException(429, "{}"))));

        assertThat(codeOf(model)).isEqualTo("llm_rate_limited");
        assertThat(model.calls).as("the first opening and two retries").hasValue(3);
        assertThat(breaker.state()).isEqualTo("CLOSED");
    }

    @Test
    void rate_limited_openings_end_the_turn_as_back_pressure_and_never_open_the_breaker() throws Exception {
        start();
        ScriptedModel model = new ScriptedModel(ScriptedModel.failing(new RateLimitException(
                new HttpException(429, "{\"error\":{\"message\":\"Rate limit reached. Please try again in 2s.\"}}"))));
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> open(model, new Sink()))
                    .isInstanceOf(GenerationException.class)
                    .hasMessageContaining("rate limiting")
                    .hasMessageContaining("retry in 2 s")
                    .extracting(e -> ((GenerationException) e).code())
                    .isEqualTo("llm_rate_limited");
        }
        assertThat(breaker.state()).isEqualTo("CLOSED");
        assertThat(model.calls).hasValue(10);
    }

    @Test
    void a_429_while_streams_are_open_makes_their_count_the_workers_capacity() throws Exception {
        start();
        ScriptedModel model = new ScriptedModel(ScriptedModel.answering(Duration.ZERO, Duration.ofMillis(200), ANSWER));
        List<LlmStream> open = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            open.add(open(model, new Sink()));
        }
        model.then(ScriptedModel.failing(new RateLimitException(new HttpException(429, "{}"))));

        assertThat(codeOf(model)).isEqualTo("llm_rate_limited");
        assertThat(streams.open()).as("the refused opening is not counted").isEqualTo(3);
        assertThat(streams.capacity(512)).isEqualTo(3);

        for (LlmStream stream : open) {
            stream.awaitEnd();
            callLlm.close();
        }
        assertThat(streams.open()).isZero();
        assertThat(streams.capacity(2)).as("never above max-in-flight").isEqualTo(2);
    }

    @Test
    void a_late_first_token_is_a_slow_call_and_slow_openings_open_the_breaker() throws Exception {
        start();
        ScriptedModel model = new ScriptedModel(ScriptedModel.answering(Duration.ofMillis(400), Duration.ZERO, ANSWER));
        for (int i = 0; i < 4; i++) {
            assertThat(codeOf(model)).isEqualTo("answered");
        }
        assertThat(breaker.state()).isEqualTo("OPEN");
    }

    @Test
    void turns_cancelled_while_waiting_for_their_first_token_never_open_the_breaker() throws Exception {
        start();
        ScriptedModel model = new ScriptedModel(ScriptedModel.answering(Duration.ofSeconds(5), Duration.ZERO, ANSWER));
        for (int i = 0; i < 6; i++) {
            Sink gone = new Sink() {
                @Override
                public boolean cancelled() {
                    return true;
                }
            };
            assertThatThrownBy(() -> open(model, gone))
                    .isInstanceOf(GenerationException.class)
                    .extracting(e -> ((GenerationException) e).code())
                    .isEqualTo("cancelled");
        }
        assertThat(breaker.state()).isEqualTo("CLOSED");
        assertThat(breaker.circuitBreaker().getMetrics().getNumberOfFailedCalls())
                .isZero();
        assertThat(breaker.circuitBreaker().getMetrics().getNumberOfSlowCalls()).isZero();
    }

    @Test
    void a_stream_flowing_for_longer_than_a_second_is_not_cut_and_is_judged_on_its_first_token() throws Exception {
        start();
        ScriptedModel model =
                new ScriptedModel(ScriptedModel.answering(Duration.ofMillis(20), Duration.ofMillis(300), ANSWER));
        Sink sink = new Sink();
        long began = System.nanoTime();
        LlmStream stream = open(model, sink);
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofMillis(300));

        stream.awaitEnd();
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isGreaterThan(Duration.ofMillis(1400));
        assertThat(stream.text()).isEqualTo(String.join("", ANSWER));
        assertThat(sink.tokens).isEqualTo(ANSWER);
        assertThat(breaker.circuitBreaker().getMetrics().getNumberOfSlowCalls()).isZero();
    }

    @Test
    void half_opens_after_the_open_wait_and_closes_again_on_successful_trial_calls() throws Exception {
        start();
        ScriptedModel model = new ScriptedModel(ScriptedModel.failing(new HttpException(503, "overloaded")));
        for (int i = 0; i < 4; i++) {
            codeOf(model);
        }
        assertThat(breaker.state()).isEqualTo("OPEN");

        await().atMost(Duration.ofSeconds(3)).until(() -> breaker.state().equals("HALF_OPEN"));
        assertThat(breaker.openRemainingMillis()).isZero();
        model.then(ScriptedModel.answering(Duration.ZERO, Duration.ZERO, ANSWER));
        assertThat(codeOf(model)).isEqualTo("answered");
        assertThat(codeOf(model)).isEqualTo("answered");
        assertThat(breaker.state()).isEqualTo("CLOSED");
    }
}
