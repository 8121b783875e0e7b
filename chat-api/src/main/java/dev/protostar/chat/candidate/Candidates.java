package dev.protostar.chat.candidate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Candidates belong to a tenant; every lookup is by tenant so one tenant never sees another's. */
@Repository
public class Candidates {

    private final JdbcClient jdbc;

    Candidates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Candidate create(String tenant, String name) {
        Candidate candidate = new Candidate(UUID.randomUUID(), name, Instant.now());
        jdbc.sql("INSERT INTO candidate (id, tenant, name, created_at) VALUES (?, ?, ?, ?)")
                .params(candidate.candidateId(), tenant, name, java.sql.Timestamp.from(candidate.createdAt()))
                .update();
        return candidate;
    }

    public List<Candidate> list(String tenant) {
        return jdbc.sql("SELECT id, name, created_at FROM candidate WHERE tenant = ? ORDER BY created_at")
                .param(tenant)
                .query((rs, n) -> new Candidate(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant()))
                .list();
    }

    public Optional<Candidate> find(String tenant, UUID id) {
        return jdbc.sql("SELECT id, name, created_at FROM candidate WHERE tenant = ? AND id = ?")
                .params(tenant, id)
                .query((rs, n) -> new Candidate(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant()))
                .optional();
    }

    public record Candidate(UUID candidateId, String name, Instant createdAt) {}
}
