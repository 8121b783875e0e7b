package dev.protostar.worker.ground;

import dev.protostar.search.keyword.KeywordAnalyzer;
import java.time.Duration;
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

    /**
     * The candidate's name, the jobs of their documents, how many documents are stored, and the files that
     * could not be read ("이력서.pdf: NO_TEXT — …"), latest first.
     */
    record Profile(
            PersonName name,
            Timeline timeline,
            int documents,
            List<String> failedFiles,
            Soundalikes sounds,
            Acronyms acronyms,
            Awards awards,
            Counts counts,
            Degrees degrees,
            Scores scores) {}

    private record Cached(Profile profile, long loadedAt) {}

    private static final String SECTIONS =
            """
            SELECT section, string_agg(text, E'\n' ORDER BY ord) AS text
            FROM chunk WHERE candidate_id = ? GROUP BY section""";

    private static final String FAILED =
            """
            SELECT file_name, coalesce(code, 'FAILED') AS code FROM ingestion
            WHERE candidate_id = ? AND stage = 'failed' ORDER BY updated_at DESC LIMIT 5""";

    /**
     * Profiles kept at most: each holds its documents' text and their words by sound, some hundred kilobytes for a
     * long résumé.
     */
    private static final int MAX_CACHED = 1_000;

    private final JdbcClient jdbc;
    private final KeywordAnalyzer analyzer;
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();

    @Autowired
    CandidateProfiles(JdbcClient jdbc, KeywordAnalyzer analyzer, GroundingProperties properties) {
        this(jdbc, analyzer, properties.profileTtl(), System::nanoTime);
    }

    CandidateProfiles(JdbcClient jdbc, KeywordAnalyzer analyzer, Duration ttl, LongSupplier nanoTime) {
        this.jdbc = jdbc;
        this.analyzer = analyzer;
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
        if (profile.documents() > 0) {
            // A candidate still waiting for a readable document is read again every turn: one may arrive any time.
            cache.put(candidateId, new Cached(profile, now));
        }
        if (cache.size() > MAX_CACHED) {
            // a profile past its time is read again anyway: drop those first, everything if that is not enough
            cache.values().removeIf(old -> now - old.loadedAt() >= ttlNanos);
            if (cache.size() > MAX_CACHED) {
                cache.clear();
            }
        }
        return profile;
    }

    private Profile load(UUID candidateId) {
        String recorded = jdbc.sql("SELECT name FROM candidate WHERE id = ?")
                .param(candidateId)
                .query(String.class)
                .optional()
                .orElse(null);
        List<String> titles = jdbc.sql("SELECT title FROM document WHERE candidate_id = ?")
                .param(candidateId)
                .query(String.class)
                .list();
        List<Timeline.Section> sections = jdbc.sql(SECTIONS)
                .param(candidateId)
                .query((row, n) -> new Timeline.Section(row.getString("section"), row.getString("text")))
                .list();
        List<String> failed = titles.isEmpty()
                ? jdbc.sql(FAILED)
                        .param(candidateId)
                        .query((row, n) -> row.getString("file_name") + " (" + row.getString("code") + ")")
                        .list()
                : List.of();
        List<String> texts =
                sections.stream().map(s -> s.path() + "\n" + s.text()).toList();
        List<String> lines = lines(texts);
        return new Profile(
                PersonName.of(recorded, titles),
                Timeline.of(sections),
                titles.size(),
                failed,
                texts.isEmpty() ? Soundalikes.NONE : Soundalikes.of(texts, analyzer),
                texts.isEmpty() ? Acronyms.NONE : Acronyms.of(texts, analyzer),
                Awards.of(lines),
                Counts.of(lines),
                Degrees.of(lines),
                Scores.of(lines));
    }

    /** The lines of the documents' texts, in lower case: what the premise checks read. */
    static List<String> lines(List<String> texts) {
        return texts.stream()
                .flatMap(text -> text.lines())
                .map(line -> line.toLowerCase(java.util.Locale.ROOT))
                .toList();
    }
}
