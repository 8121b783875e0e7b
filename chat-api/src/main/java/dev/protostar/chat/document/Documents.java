package dev.protostar.chat.document;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A candidate's stored documents (written by the ingestion service); callers check the candidate's tenant. */
@Repository
class Documents {

    private final JdbcClient jdbc;

    Documents(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    /** Deletes the document (its chunks cascade); returns where its original was archived, if it existed. */
    Optional<String> delete(UUID candidateId, UUID documentId) {
        return jdbc.sql("DELETE FROM document WHERE id = ? AND candidate_id = ? RETURNING object_key")
                .params(documentId, candidateId)
                .query(String.class)
                .optional();
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
