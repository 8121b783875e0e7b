package dev.protostar.chat.intake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.protostar.chat.ChatApiProperties;
import dev.protostar.infra.services.LocalServiceCredentials;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The session's gate against the project's real Redis (started by infra/bin/services, as for QuotasIT), and
 * against a Redis that is not there: a port nothing listens on.
 */
class TurnGuardIT {

    private static final int REDIS_PORT =
            Integer.parseInt(System.getenv().getOrDefault("PROTOSTAR_REDIS_PORT", "16379"));
    private static final Duration LEASE = Duration.ofMinutes(3);
    private static final ChatApiProperties PROPERTIES = new ChatApiProperties(
            Duration.ofMinutes(2),
            LEASE,
            4000,
            Duration.ofHours(24),
            Duration.ofMinutes(10),
            Duration.ofSeconds(15),
            100);

    private LettuceConnectionFactory factory;
    private final String session = UUID.randomUUID().toString();

    @AfterEach
    void close() {
        if (factory != null) {
            factory.destroy();
        }
    }

    private TurnGuard guard(int port) {
        var redisServer = new RedisStandaloneConfiguration("127.0.0.1", port);
        redisServer.setPassword(LocalServiceCredentials.get("PROTOSTAR_REDIS_PASSWORD"));
        factory = new LettuceConnectionFactory(
                redisServer,
                LettuceClientConfiguration.builder()
                        .commandTimeout(Duration.ofMillis(500))
                        .build());
        factory.afterPropertiesSet();
        factory.start();
        return new TurnGuard(new StringRedisTemplate(factory), PROPERTIES);
    }

    private static int deadPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void one_turn_runs_per_session_and_an_ended_turn_frees_it_before_redis_hears_of_it() {
        TurnGuard guard = guard(REDIS_PORT);

        assertThat(guard.acquire(session, "r1", LEASE)).isEmpty();
        assertThat(guard.acquire(session, "r2", LEASE)).contains("r1");
        guard.ended(session, "r1");
        assertThat(guard.acquire(session, "r3", LEASE)).isEmpty();
        assertThat(guard.running(session)).contains("r3");
    }

    @Test
    void the_same_idempotency_key_in_one_session_is_the_first_turn_and_in_another_session_a_new_one() {
        TurnGuard guard = guard(REDIS_PORT);
        String other = UUID.randomUUID().toString();

        assertThat(guard.remember(session, "k1", "r1", LEASE)).isEmpty();
        assertThat(guard.remember(session, "k1", "r2", LEASE)).contains("r1");
        assertThat(guard.remember(other, "k1", "r3", LEASE)).isEmpty();
    }

    @Test
    void with_redis_down_the_session_gate_and_the_keys_are_decided_in_memory() throws Exception {
        TurnGuard guard = guard(deadPort());

        assertThat(guard.acquire(session, "r1", LEASE)).isEmpty();
        assertThat(guard.acquire(session, "r2", LEASE)).contains("r1");
        assertThat(guard.running(session)).contains("r1");
        assertThat(guard.remember(session, "k1", "r1", LEASE)).isEmpty();
        assertThat(guard.remember(session, "k1", "r9", LEASE)).contains("r1");

        long started = System.nanoTime();
        guard.ended(session, "r1");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(100));
        assertThat(guard.acquire(session, "r2", LEASE)).isEmpty();
    }
}
