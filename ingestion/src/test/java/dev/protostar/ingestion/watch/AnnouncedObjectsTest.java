package dev.protostar.ingestion.watch;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.protostar.ingestion.IngestionProperties;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ValueOperations;
import org.springframework.util.unit.DataSize;

class AnnouncedObjectsTest {

    private static final String KEY = "inbox/c/resume.pdf|etag-1";
    private static final String REDIS_KEY = AnnouncedObjects.NAME + ":" + KEY;

    @SuppressWarnings("unchecked")
    private final ValueOperations<String, String> values = mock(ValueOperations.class);

    private final AnnouncedObjects announced = announcedObjects();

    @Test
    void taking_an_object_holds_it_only_for_the_claim_so_a_crash_before_the_send_lets_it_go() {
        announced.add(KEY);

        verify(values).setIfAbsent(REDIS_KEY, KEY, Duration.ofSeconds(150));
        verify(values, never()).set(anyString(), anyString(), any(Duration.class));
    }

    @Test
    void a_confirmed_announce_is_remembered_for_the_announce_memory() {
        announced.add(KEY);
        announced.confirm(KEY);

        verify(values).set(REDIS_KEY, KEY, Duration.ofHours(24));
    }

    private AnnouncedObjects announcedObjects() {
        var redis = mock(StringRedisTemplate.class);
        when(redis.opsForValue()).thenReturn(values);
        when(redis.opsForSet()).thenReturn(null);
        when(values.setIfAbsent(anyString(), anyString(), any(Duration.class))).thenReturn(true);
        return new AnnouncedObjects(
                redis,
                new IngestionProperties(
                        DataSize.ofMegabytes(20), 2, Duration.ofHours(24), Duration.ofSeconds(150), 250, 400));
    }
}
