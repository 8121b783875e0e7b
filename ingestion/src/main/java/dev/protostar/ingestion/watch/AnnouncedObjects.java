package dev.protostar.ingestion.watch;

import dev.protostar.ingestion.IngestionProperties;
import java.time.Duration;
import org.apache.camel.component.redis.processor.idempotent.SpringRedisStringIdempotentRepository;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Which objects were announced, shared by every ingestion instance through Redis, in two steps. Taking an object
 * ({@code SET NX} with a short expiry, atomic across instances) is only a claim; the idempotent consumer confirms
 * it once the exchange completed — the request acknowledged by Kafka — and only then is it remembered for
 * {@code announce-memory}. An instance that dies between the two (or whose send fails, which lets go at once)
 * leaves a claim that lapses, and the object is announced again by whichever instance lists it next: the file
 * is never lost. Announcing it twice is harmless, since {@code ingest-document} skips a request whose object is
 * gone (the first one archived it) and recognises the same bytes by their hash.
 *
 * <p>An object still in the inbox when its confirmed entry expires is announced again too: a lost request heals
 * itself, and an unchanged file is then skipped by its content hash.
 */
@Component
class AnnouncedObjects extends SpringRedisStringIdempotentRepository {

    static final String NAME = "protostar:announced";

    private final StringRedisTemplate redis;
    private final Duration memory;

    AnnouncedObjects(StringRedisTemplate redis, IngestionProperties properties) {
        super(redis, NAME);
        this.redis = redis;
        this.memory = properties.announceMemory();
        setExpiry(properties.announceClaim().toSeconds());
    }

    /** The request left: the claim becomes the long memory. */
    @Override
    public boolean confirm(String key) {
        redis.opsForValue().set(createRedisKey(key), key, memory);
        return true;
    }
}
