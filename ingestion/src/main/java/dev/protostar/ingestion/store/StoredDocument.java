package dev.protostar.ingestion.store;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.domain.Persistable;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A stored document and its chunks, one aggregate: saving it replaces every chunk in the same transaction
 * (Spring Data JDBC deletes the old rows and inserts the new), so a search sees the old version or the
 * new one, never a mix.
 */
@Table("document")
public record StoredDocument(
        @Id UUID id,
        UUID candidateId,
        String name,
        String title,
        String format,
        long sizeBytes,
        String contentHash,
        int chunkCount,
        UUID ingestionId,
        String objectKey,
        Instant storedAt,

        @MappedCollection(idColumn = "document_id", keyColumn = "ord")
        List<StoredChunk> chunks,

        @Transient boolean replacing)
        implements Persistable<UUID> {

    @Override
    public UUID getId() {
        return id;
    }

    /** Ids are ours, so Spring Data cannot tell a new document from a replacement: we say. */
    @Override
    public boolean isNew() {
        return !replacing;
    }
}
