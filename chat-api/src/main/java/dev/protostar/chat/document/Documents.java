package dev.protostar.chat.document;

import dev.protostar.kafka.message.IngestProgress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** A candidate's stored documents (written by the ingestion service); callers check the candidate's tenant. */
@Repository
class Documents {

    static final String DELETED_REASON = "The document was deleted while this file was being ingested, and a delete"
            + " wins: nothing was stored. Upload the file again to add it back.";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    Documents(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    List<Document> list(UUID candidateId) {
        return jdbc.sql(
                        """
                        SELECT id, name, title, format, size_bytes, chunk_count, stored_at, ingestion_id
                        FROM document WHERE candidate_id = ? ORDER BY name""")
                .param(candidateId)
                .query((rs, n) -> new Document(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getLong(5),
                        rs.getInt(6),
                        rs.getTimestamp(7).toInstant(),
                        rs.getObject(8, UUID.class)))
                .list();
    }

    /**
     * Deletes the document (its chunks cascade); returns where its original was archived, if it existed. A delete
     * wins over ingestions of the same name still under way (a re-upload being read): in the same transaction they
     * are marked {@code failed DELETED}, and the ingestion service stores nothing for them (it takes the same
     * locks in the same order: ingestion rows, then the document).
     */
    Optional<String> delete(UUID candidateId, UUID documentId) {
        return transaction.execute(tx -> {
            jdbc.sql(
                            """
                            UPDATE ingestion SET stage = ?, code = ?, reason = ?, done = 0, total = 0, updated_at = now()
                            WHERE candidate_id = ? AND stage NOT IN (?, ?)
                              AND file_name = (SELECT name FROM document WHERE id = ? AND candidate_id = ?)""")
                    .params(
                            IngestProgress.FAILED,
                            IngestProgress.DELETED_CODE,
                            DELETED_REASON,
                            candidateId,
                            IngestProgress.STORED,
                            IngestProgress.FAILED,
                            documentId,
                            candidateId)
                    .update();
            return jdbc.sql("DELETE FROM document WHERE id = ? AND candidate_id = ? RETURNING object_key")
                    .params(documentId, candidateId)
                    .query(String.class)
                    .optional();
        });
    }

    record Document(
            UUID documentId,
            String name,
            String title,
            String format,
            long sizeBytes,
            int chunkCount,
            Instant storedAt,
            UUID ingestionId) {}
}
