package dev.protostar.worker.ground;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** How often each term occurs in a candidate's chunks: what the candidate's documents talk about at all. */
@Component
public class Coverage {

    /** Chunks containing each term, and the candidate's chunk count. */
    public record Counts(Map<String, Integer> chunksWith, int chunks) {

        public int of(Set<String> forms) {
            return forms.stream()
                    .mapToInt(f -> chunksWith.getOrDefault(f, 0))
                    .max()
                    .orElse(0);
        }

        /** Inverse document frequency within the candidate; a term no chunk has weighs the most. */
        public double weight(Set<String> forms) {
            return Math.log((chunks + 1.0) / (of(forms) + 0.5));
        }
    }

    private final JdbcClient jdbc;

    Coverage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Counts count(UUID candidateId, Set<String> terms) {
        Map<String, Integer> counts = new HashMap<>();
        if (!terms.isEmpty()) {
            jdbc.sql(
                            """
                            SELECT t, count(c.id) FROM unnest(:terms) t
                            LEFT JOIN chunk c ON c.candidate_id = :candidate
                                AND c.keywords @@ to_tsquery('simple', quote_literal(t))
                            GROUP BY t""")
                    .param("terms", terms.toArray(String[]::new))
                    .param("candidate", candidateId)
                    .query(rs -> {
                        counts.put(rs.getString(1), rs.getInt(2));
                    });
        }
        int chunks = jdbc.sql("SELECT count(*) FROM chunk WHERE candidate_id = ?")
                .param(candidateId)
                .query(Integer.class)
                .single();
        return new Counts(counts, chunks);
    }
}
