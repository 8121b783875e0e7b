package dev.protostar.ingestion.ingest;

import dev.protostar.ingestion.bucket.Bucket;
import dev.protostar.ingestion.bucket.ObjectKeys;
import dev.protostar.ingestion.progress.Progress;
import dev.protostar.ingestion.store.Ingestions;
import dev.protostar.kafka.message.IngestProgress;
import dev.protostar.kafka.message.IngestRequest;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * An ingestion found to have ended otherwise — another owner finished it after a rebalance, or its document was
 * deleted meanwhile: this attempt adds no outcome of its own, it only brings the file in line with the recorded
 * one (archived if stored, set aside if failed, removed if deleted). A delete is told here, since chat-api only
 * marks the row: whoever waits on the ingestion hears that it ended and why.
 */
@Component
class EndedElsewhere {

    private final Ingestions ingestions;
    private final Bucket bucket;
    private final Progress progress;

    EndedElsewhere(Ingestions ingestions, Bucket bucket, Progress progress) {
        this.ingestions = ingestions;
        this.bucket = bucket;
        this.progress = progress;
    }

    void settle(IngestRequest request) throws Exception {
        var row = ingestions.find(UUID.fromString(request.ingestionId()));
        if (row.isEmpty()) {
            return;
        }
        String key = request.objectKey();
        if (IngestProgress.DELETED_CODE.equals(row.get().code())) {
            bucket.remove(key);
            progress.publish(row.get());
        } else if (bucket.stat(key).isPresent()) {
            bucket.move(
                    key,
                    IngestProgress.STORED.equals(row.get().stage())
                            ? ObjectKeys.archived(key)
                            : ObjectKeys.failed(key));
        }
    }
}
