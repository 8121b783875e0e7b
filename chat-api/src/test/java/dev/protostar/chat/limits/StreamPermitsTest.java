package dev.protostar.chat.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;

import dev.protostar.chat.problem.ApiProblem;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockAsyncContext;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

class StreamPermitsTest {

    private final StreamPermits permits = new StreamPermits(2, Duration.ofSeconds(5));

    @Test
    void refuses_a_tenants_stream_past_its_cap_with_429_and_retry_after() {
        permits.acquire("acme");
        permits.acquire("acme");

        ApiProblem refused = catchThrowableOfType(ApiProblem.class, () -> permits.acquire("acme"));

        assertThat(refused.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(refused.retryAfterSeconds()).isEqualTo(5);
        assertThat(refused.toProblemDetail().getType().toString()).isEqualTo("urn:protostar:problem:too-many-streams");
        assertThat(permits.open("acme")).isEqualTo(2);
    }

    @Test
    void counts_each_tenant_apart() {
        permits.acquire("acme");
        permits.acquire("acme");

        permits.acquire("globex");

        assertThat(permits.open("globex")).isEqualTo(1);
    }

    @Test
    void a_released_place_takes_the_next_stream() {
        StreamPermits.Permit first = permits.acquire("acme");
        permits.acquire("acme");

        first.release();

        assertThat(permits.acquire("acme")).isNotNull();
    }

    @Test
    void a_place_is_given_back_once_however_often_its_stream_ends() {
        StreamPermits.Permit permit = permits.acquire("acme");
        permits.acquire("acme");

        permit.release();
        permit.release();

        assertThat(permits.open("acme")).isEqualTo(1);
    }

    @Test
    void the_gauge_counts_the_open_streams_of_every_tenant() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        StreamPermits counted = new StreamPermits(TestLimits.with(TestLimits.BODIES), meters);
        counted.acquire("acme");
        counted.acquire("globex").release();

        assertThat(meters.get("protostar.limits.streams.open").gauge().value()).isEqualTo(1.0);
    }

    @Test
    void gives_its_place_back_when_the_container_ends_the_stream() throws Exception {
        var mvc = MockMvcBuilders.standaloneSetup(new Streams(permits)).build();
        MvcResult open =
                mvc.perform(get("/events")).andExpect(request().asyncStarted()).andReturn();
        assertThat(permits.open("acme")).isEqualTo(1);

        // the container's last word on every async request: after completion, timeout, error or a client gone
        ((MockAsyncContext) open.getRequest().getAsyncContext()).complete();

        assertThat(permits.open("acme")).isZero();
    }

    @RestController
    static class Streams {

        private final StreamPermits permits;

        Streams(StreamPermits permits) {
            this.permits = permits;
        }

        @GetMapping("/events")
        SseEmitter events() {
            SseEmitter emitter = new SseEmitter(0L);
            permits.acquire("acme").releaseWhenDone(emitter);
            return emitter;
        }
    }
}
