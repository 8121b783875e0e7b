package dev.protostar.ingestion.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.protostar.infra.services.LocalServiceCredentials;
import dev.protostar.ingestion.IngestionProperties;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.util.unit.DataSize;

/** The two-step announce on the project's real Redis (started by infra/bin/services, as for the other ITs). */
class AnnouncedObjectsIT {

    private static final int REDIS_PORT =
            Integer.parseInt(System.getenv().getOrDefault("PROTOSTAR_REDIS_PORT", "16379"));

    private final LettuceConnectionFactory factory = connect();
    private final StringRedisTemplate redis = new StringRedisTemplate(factory);
    private final AnnouncedObjects announced = new AnnouncedObjects(
            redis,
            new IngestionProperties(
                    DataSize.ofMegabytes(20), 2, Duration.ofHours(24), Duration.ofSeconds(150), 250, 400));
    private final String key = "inbox/" + UUID.randomUUID() + "/resume.pdf|etag-1";

    private static LettuceConnectionFactory connect() {
        var redisServer = new RedisStandaloneConfiguration("127.0.0.1", REDIS_PORT);
        redisServer.setPassword(LocalServiceCredentials.get("PROTOSTAR_REDIS_PASSWORD"));
        LettuceConnectionFactory factory = new LettuceConnectionFactory(redisServer);
        factory.afterPropertiesSet();
        factory.start();
        return factory;
    }

    @AfterEach
    void close() {
        redis.delete(AnnouncedObjects.NAME + ":" + key);
        factory.destroy();
    }

    @Test
    void taking_an_object_holds_it_only_for_the_claim_so_a_crash_before_the_send_lets_it_go() {
        assertThat(announced.add(key)).isTrue();
        assertThat(announced.add(key))
                .as("claimed: no second instance takes it")
                .isFalse();

        long ttl = redis.getExpire(AnnouncedObjects.NAME + ":" + key, TimeUnit.SECONDS);
        assertThat(ttl).isBetween(140L, 150L);
    }

    @Test
    void a_confirmed_announce_is_remembered_for_the_announce_memory() {
        announced.add(key);
        announced.confirm(key);

        long ttl = redis.getExpire(AnnouncedObjects.NAME + ":" + key, TimeUnit.SECONDS);
        assertThat(ttl).isGreaterThan(Duration.ofHours(23).toSeconds());
        assertThat(announced.contains(key)).isTrue();
    }
}
