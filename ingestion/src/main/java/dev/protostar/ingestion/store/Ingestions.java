package dev.protostar.ingestion.store;

import dev.protostar.kafka.message.IngestProgress;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code ingestion} rows: one per announced object, holding its latest stage. */
@Repository
public class Ingestions {

    private final JdbcClient jdbc;

    Ingestions(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    public void update(IngestProgress progress) {
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
                        UUID.fromString(progress.ingestionId()))
                .update();
    }
}
