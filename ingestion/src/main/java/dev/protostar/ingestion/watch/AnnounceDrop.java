package dev.protostar.ingestion.watch;

import dev.protostar.ingestion.bucket.Bucket;
import dev.protostar.ingestion.bucket.ObjectKeys;
import dev.protostar.ingestion.progress.Progress;
import dev.protostar.ingestion.store.Ingestions;
import dev.protostar.kafka.message.IngestProgress;
import dev.protostar.kafka.message.IngestRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.minio.MinioConstants;
import org.springframework.stereotype.Component;

/**
 * Turns a new object into an {@link IngestRequest}: an upload brings its ingestion id in the object's
 * metadata; a bulk drop gets one derived from key + etag (the same on every instance). The ingestion is
 * recorded and reported {@code received} before the request leaves, so its stages stay in order.
 */
@Component
class AnnounceDrop implements Processor {

    private final Bucket bucket;
    private final Ingestions ingestions;
    private final Progress progress;

    AnnounceDrop(Bucket bucket, Ingestions ingestions, Progress progress) {
        this.bucket = bucket;
        this.ingestions = ingestions;
        this.progress = progress;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        String key = exchange.getMessage().getHeader(MinioConstants.OBJECT_NAME, String.class);
        String etag = exchange.getMessage().getHeader(MinioConstants.E_TAG, String.class);
        var info = bucket.stat(key);
        if (info.isEmpty()) {
            // Listed, then archived or removed before this turn came: announcing it would reset a finished row.
            exchange.setRouteStop(true);
            return;
        }
        String uploaded = info.get().metadata().get(Bucket.INGESTION_ID_METADATA);
        UUID ingestionId = parse(uploaded)
                .orElseGet(() -> UUID.nameUUIDFromBytes((key + "|" + etag).getBytes(StandardCharsets.UTF_8)));
        Optional<UUID> candidateId = ObjectKeys.candidateId(key);
        ingestions.announce(ingestionId, candidateId, key, ObjectKeys.fileName(key));
        progress.report(IngestProgress.of(ingestionId.toString(), null, IngestProgress.RECEIVED, 0, 0));
        exchange.getMessage()
                .setBody(new IngestRequest(
                        ingestionId.toString(),
                        candidateId.map(UUID::toString).orElse(""),
                        bucket.name(),
                        key,
                        etag,
                        Instant.now()));
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.ofNullable(id).map(UUID::fromString);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
