package dev.protostar.ingestion.store;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What ingestion asks about what is already stored. */
@Repository
public class Documents {

    /** The stored version of a document: enough to skip the same bytes or replace the old ones. */
    public record Current(UUID id, String contentHash, int chunkCount) {}

    private final JdbcClient jdbc;

    Documents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Current> current(UUID candidateId, String name) {
        return jdbc.sql("SELECT id, content_hash, chunk_count FROM document WHERE candidate_id = ? AND name = ?")
                .params(candidateId, name)
                .query((rs, n) -> new Current(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3)))
                .optional();
    }

    public boolean candidateExists(UUID candidateId) {
        return jdbc.sql("SELECT count(*) FROM candidate WHERE id = ?")
                        .param(candidateId)
                        .query(Integer.class)
                        .single()
                > 0;
    }
}
