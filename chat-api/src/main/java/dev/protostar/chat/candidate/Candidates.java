package dev.protostar.chat.candidate;

import java.sql.ResultSet;
import java.sql.SQLException;
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

    public Candidate create(String tenant, String name) {
        Candidate candidate = new Candidate(UUID.randomUUID(), name, Instant.now());
        jdbc.sql("INSERT INTO candidate (id, tenant, name, created_at) VALUES (?, ?, ?, ?)")
                .params(candidate.candidateId(), tenant, name, java.sql.Timestamp.from(candidate.createdAt()))
                .update();
        return candidate;
    }

    public List<Candidate> list(String tenant) {
        return jdbc.sql("SELECT id, name, created_at FROM candidate WHERE tenant = ? ORDER BY created_at")
                .param(tenant)
                .query(Candidates::row)
                .list();
    }

    /** The candidate if {@code candidateId} names one of {@code tenant}'s; empty for anything else. */
    public Optional<Candidate> find(String tenant, String candidateId) {
        try {
            return find(tenant, UUID.fromString(candidateId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The tenant's oldest candidate of exactly this name. */
    public Optional<Candidate> findByName(String tenant, String name) {
        return jdbc.sql(
                        "SELECT id, name, created_at FROM candidate WHERE tenant = ? AND name = ? ORDER BY created_at LIMIT 1")
                .params(tenant, name)
                .query(Candidates::row)
                .optional();
    }

    public Optional<Candidate> find(String tenant, UUID id) {
        return jdbc.sql("SELECT id, name, created_at FROM candidate WHERE tenant = ? AND id = ?")
                .params(tenant, id)
                .query(Candidates::row)
                .optional();
    }

    private static Candidate row(ResultSet rs, int n) throws SQLException {
        return new Candidate(
                rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant());
    }

    public record Candidate(UUID candidateId, String name, Instant createdAt) {}
}
