package dev.protostar.ingestion.store;

import java.util.UUID;
import org.springframework.data.repository.Repository;

/** Writes documents with their chunks (reads go through {@link Documents}: no vectors are ever loaded back). */
public interface DocumentRepository extends Repository<StoredDocument, UUID> {

    StoredDocument save(StoredDocument document);
}
