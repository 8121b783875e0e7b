package dev.protostar.worker.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.protostar.infra.services.LocalServiceCredentials;
import dev.protostar.kafka.message.WorkerStatus.Role;
import dev.protostar.worker.WorkerProperties;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The ledger's one-round-trip script on real Redis: attempts counted, an ended turn never begun again. */
class TurnLedgerIT {

    private static final int REDIS_PORT =
            Integer.parseInt(System.getenv().getOrDefault("PROTOSTAR_REDIS_PORT", "16379"));
    private static final Duration MEMORY = Duration.ofMinutes(5);

    private LettuceConnectionFactory connections;
    private StringRedisTemplate redis;
    private TurnLedger ledger;
    private final String requestId = "it-" + UUID.randomUUID();

    @BeforeAll
    static void redisRunning() throws Exception {
        if (!listening(REDIS_PORT)) {
            Path script =
                    Path.of("..", "infra", "bin", "services").toAbsolutePath().normalize();
            assertThat(new ProcessBuilder(script.toString(), "up")
                            .inheritIO()
                            .start()
                            .waitFor())
                    .as(script + " up")
                    .isZero();
        }
    }

    @BeforeEach
    void connect() {
        var redisServer = new RedisStandaloneConfiguration("127.0.0.1", REDIS_PORT);
        redisServer.setPassword(LocalServiceCredentials.get("PROTOSTAR_REDIS_PASSWORD"));
        connections = new LettuceConnectionFactory(redisServer);
        connections.afterPropertiesSet();
        connections.start();
        redis = new StringRedisTemplate(connections);
        ledger = new TurnLedger(redis, new WorkerProperties("it", Role.ACTIVE, 8, Duration.ofMillis(50), 200, MEMORY));
    }

    @AfterEach
    void close() {
        redis.delete(List.of("protostar:attempts:" + requestId, "protostar:ended:" + requestId));
        connections.destroy();
    }

    @Test
    void counts_each_attempt_of_a_turn_and_remembers_the_count_for_the_turn_memory() {
        assertThat(ledger.begin(requestId)).isEqualTo(OptionalInt.of(1));
        assertThat(ledger.begin(requestId)).isEqualTo(OptionalInt.of(2));

        Long ttl = redis.getExpire("protostar:attempts:" + requestId);
        assertThat(ttl).isBetween(MEMORY.toSeconds() - 5, MEMORY.toSeconds());
    }

    @Test
    void a_turn_that_ended_is_not_begun_again_and_its_count_stays() {
        assertThat(ledger.begin(requestId)).isEqualTo(OptionalInt.of(1));
        ledger.end(requestId);

        assertThat(ledger.begin(requestId)).isEmpty();
        assertThat(redis.opsForValue().get("protostar:attempts:" + requestId)).isEqualTo("1");
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
