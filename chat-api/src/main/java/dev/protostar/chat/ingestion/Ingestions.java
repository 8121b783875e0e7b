package dev.protostar.chat.ingestion;

import dev.protostar.kafka.message.IngestProgress;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code ingestion} rows: chat-api writes an upload's row before its object exists, the ingestion
 * service moves it through its stages. Reads go through the candidate's tenant.
 */
@Repository
public class Ingestions {

    /** The stage of a row whose file is in the inbox and not yet picked up. */
    public static final String UPLOADED = "uploaded";

    private static final String COLUMNS =
            "i.id, i.file_name, i.stage, i.done, i.total, i.reason, i.code, i.document_id, i.created_at, i.updated_at";

    private final JdbcClient jdbc;

    Ingestions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insertUploaded(UUID id, UUID candidateId, String objectKey, String fileName) {
        jdbc.sql(
                        """
                        INSERT INTO ingestion (id, candidate_id, object_key, file_name, stage)
                        VALUES (?, ?, ?, ?, ?)""")
                .params(id, candidateId, objectKey, fileName, UPLOADED)
                .update();
    }

    /** Takes back the row of an upload whose object never reached the store. */
    public void delete(UUID id) {
        jdbc.sql("DELETE FROM ingestion WHERE id = ?").param(id).update();
    }

    /** Whether a file of this name was ever uploaded or dropped for the candidate. */
    public boolean exists(UUID candidateId, String fileName) {
        return jdbc.sql("SELECT count(*) FROM ingestion WHERE candidate_id = ? AND file_name = ?")
                        .params(candidateId, fileName)
                        .query(Long.class)
                        .single()
                > 0;
    }

    List<Ingestion> recent(UUID candidateId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ingestion i WHERE i.candidate_id = ?"
                        + " ORDER BY i.created_at DESC, i.id LIMIT ?")
                .params(candidateId, limit)
                .query(Ingestions::row)
                .list();
    }

    /** The ingestion if its candidate belongs to {@code tenant}. */
    Optional<Ingestion> find(String tenant, String ingestionId) {
        UUID id;
        try {
            id = UUID.fromString(ingestionId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM ingestion i JOIN candidate c ON c.id = i.candidate_id"
                        + " WHERE i.id = ? AND c.tenant = ?")
                .params(id, tenant)
                .query(Ingestions::row)
                .optional();
    }

    private static Ingestion row(ResultSet rs, int n) throws SQLException {
        return new Ingestion(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                rs.getString(3),
                rs.getInt(4),
                rs.getInt(5),
                rs.getString(6),
                rs.getString(7),
                rs.getObject(8, UUID.class),
                rs.getTimestamp(9).toInstant(),
                rs.getTimestamp(10).toInstant());
    }

    /** An ingestion as the API shows it. */
    record Ingestion(
            UUID ingestionId,
            String fileName,
            String stage,
            int done,
            int total,
            String reason,
            String code,
            UUID documentId,
            Instant createdAt,
            Instant updatedAt) {

        /** The row as a progress event: what a client gets once the topic no longer has the events. */
        IngestProgress progress() {
            return new IngestProgress(
                    ingestionId.toString(),
                    documentId == null ? null : documentId.toString(),
                    stage,
                    done,
                    total,
                    reason,
                    code);
        }
    }
}
