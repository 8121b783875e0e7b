package dev.protostar.ingestion.watch;

import dev.protostar.ingestion.IngestionProperties;
import org.apache.camel.component.redis.processor.idempotent.SpringRedisStringIdempotentRepository;
import org.apache.camel.spi.IdempotentRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Which objects were announced, shared by every ingestion instance through Redis ({@code SET NX} with an
 * expiry, so adding is atomic across instances). An object still in the inbox when its entry expires is
 * announced again: a lost request heals itself, and an unchanged file is then skipped by its content hash.
 */
@Configuration
class AnnouncedObjects {

    @Bean
    IdempotentRepository announcedRepository(StringRedisTemplate redis, IngestionProperties properties) {
        SpringRedisStringIdempotentRepository repository =
                new SpringRedisStringIdempotentRepository(redis, "protostar:announced");
        repository.setExpiry(properties.announceMemory().toSeconds());
        return repository;
    }
}
