package dev.protostar.worker.ground;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who a candidate is and when they worked where, as their record and documents say: read from PostgreSQL
 * once and kept for {@code protostar.grounding.profile-ttl}, since every turn of a conversation needs it and
 * it changes only when a document is stored.
 */
@Component
class CandidateProfiles {

    /** The candidate's name and the jobs of their documents. */
    record Profile(PersonName name, Timeline timeline) {}

    private record Cached(Profile profile, long loadedAt) {}

    private static final String SECTIONS =
            """
            SELECT section, string_agg(text, E'\n' ORDER BY ord) AS text
            FROM chunk WHERE candidate_id = ? GROUP BY section""";

    private final JdbcClient jdbc;
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();

    @Autowired
    CandidateProfiles(JdbcClient jdbc, GroundingProperties properties) {
        this(jdbc, properties.profileTtl(), System::nanoTime);
    }

    CandidateProfiles(JdbcClient jdbc, Duration ttl, LongSupplier nanoTime) {
        this.jdbc = jdbc;
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    Profile of(UUID candidateId) {
        long now = nanoTime.getAsLong();
        Cached cached = cache.get(candidateId);
        if (cached != null && now - cached.loadedAt() < ttlNanos) {
            return cached.profile();
        }
        Profile profile = load(candidateId);
        cache.put(candidateId, new Cached(profile, now));
        if (cache.size() > 10_000) {
            cache.clear();
        }
        return profile;
    }

    private Profile load(UUID candidateId) {
        List<String> names = new ArrayList<>(jdbc.sql("SELECT name FROM candidate WHERE id = ?")
                .param(candidateId)
                .query(String.class)
                .list());
        names.addAll(jdbc.sql("SELECT title FROM document WHERE candidate_id = ?")
                .param(candidateId)
                .query(String.class)
                .list());
        List<Timeline.Section> sections = jdbc.sql(SECTIONS)
                .param(candidateId)
                .query((row, n) -> new Timeline.Section(row.getString("section"), row.getString("text")))
                .list();
        return new Profile(PersonName.of(names.getFirst(), names.subList(1, names.size())), Timeline.of(sections));
    }
}
