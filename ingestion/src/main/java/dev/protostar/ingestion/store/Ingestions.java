package dev.protostar.ingestion.store;

import dev.protostar.kafka.message.IngestProgress;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** The {@code ingestion} rows: one per announced object, holding its latest stage. */
@Repository
public class Ingestions {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    Ingestions(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** Records an announced object; an upload's row (inserted by chat-api) is kept as it is. */
    public void announce(UUID ingestionId, Optional<UUID> candidateId, String objectKey, String fileName) {
        jdbc.sql(
                        """
                        INSERT INTO ingestion (id, candidate_id, object_key, file_name, stage)
                        SELECT ?, (SELECT id FROM candidate WHERE id = ?), ?, ?, 'received'
                        ON CONFLICT (id) DO NOTHING""")
                .params(ingestionId, candidateId.orElse(null), objectKey, fileName)
                .update();
    }

    /**
     * Records the stage unless the ingestion already ended otherwise ({@link Transitions}); false then. The row is
     * locked while deciding, so a delete marking it or another owner finishing it is seen, not overwritten.
     */
    public boolean update(IngestProgress progress) {
        UUID id = UUID.fromString(progress.ingestionId());
        return Boolean.TRUE.equals(transaction.execute(tx -> {
            var now = jdbc.sql("SELECT stage, code FROM ingestion WHERE id = ? FOR UPDATE")
                    .param(id)
                    .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                    .optional();
            if (now.isPresent() && !Transitions.allowed(now.get()[0], now.get()[1], progress)) {
                return false;
            }
            jdbc.sql(
                            """
                            UPDATE ingestion SET stage = ?, done = ?, total = ?, reason = ?, code = ?,
                                document_id = coalesce(?, document_id), updated_at = now()
                            WHERE id = ?""")
                    .params(
                            progress.stage(),
                            progress.done(),
                            progress.total(),
                            progress.reason(),
                            progress.code(),
                            progress.documentId() == null ? null : UUID.fromString(progress.documentId()),
                            id)
                    .update();
            return true;
        }));
    }

    /** The row as its latest progress event. */
    public Optional<IngestProgress> find(UUID ingestionId) {
        return jdbc.sql("SELECT document_id, stage, done, total, reason, code FROM ingestion WHERE id = ?")
                .param(ingestionId)
                .query((rs, n) -> new IngestProgress(
                        ingestionId.toString(),
                        rs.getString(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getInt(4),
                        rs.getString(5),
                        rs.getString(6)))
                .optional();
    }
}
