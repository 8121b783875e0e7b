package dev.protostar.chat.session;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Chat sessions: one recruiter conversation about one candidate, owned by a tenant. A session never changes,
 * so the ones found are kept in memory: a turn, admitted or refused, does not wait on the database for it.
 */
@Repository
public class Sessions {

    private final JdbcClient jdbc;
    private final Cache<UUID, Session> known =
            Caffeine.newBuilder().maximumSize(100_000).build();

    Sessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public UUID create(String tenant, UUID candidateId) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO chat_session (id, tenant, candidate_id) VALUES (?, ?, ?)")
                .params(id, tenant, candidateId)
                .update();
        return id;
    }

    /** The session if it exists and belongs to {@code tenant}. */
    public Optional<Session> find(String tenant, String sessionId) {
        UUID id;
        try {
            id = UUID.fromString(sessionId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Session cached = known.getIfPresent(id);
        if (cached != null) {
            return cached.tenant().equals(tenant) ? Optional.of(cached) : Optional.empty();
        }
        Optional<Session> session = jdbc.sql("SELECT id, candidate_id FROM chat_session WHERE id = ? AND tenant = ?")
                .params(id, tenant)
                .query((rs, n) -> new Session(rs.getObject(1, UUID.class), tenant, rs.getObject(2, UUID.class)))
                .optional();
        session.ifPresent(found -> known.put(id, found));
        return session;
    }

    public record Session(UUID sessionId, String tenant, UUID candidateId) {}
}
