package dev.protostar.worker.retrieve;

import com.pgvector.PGvector;
import dev.protostar.search.embed.Embedder;
import dev.protostar.search.keyword.KeywordAnalyzer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Vector and keyword search over one candidate's chunks, fused by reciprocal rank. The candidate filter is
 * in the SQL of both legs: no code path can return another candidate's text. The vector leg scans that
 * candidate's rows exactly (the {@code OFFSET 0} fence keeps the planner off the HNSW index, which would
 * apply the filter after finding the globally nearest rows and could return too few); the keyword leg
 * ORs the question's Korean-aware terms against the stored tsvector.
 */
@Component
public class HybridRetriever implements Retriever {

    private static final String VECTOR_LEG =
            """
            SELECT c.id, c.document_id, d.title, c.section, c.location, c.text, 1 - (c.embedding <=> :vector) AS score
            FROM (SELECT * FROM chunk WHERE candidate_id = :candidate OFFSET 0) c
            JOIN document d ON d.id = c.document_id
            ORDER BY c.embedding <=> :vector
            LIMIT :depth""";

    private static final String KEYWORD_LEG =
            """
            SELECT c.id, c.document_id, d.title, c.section, c.location, c.text, ts_rank(c.keywords, q, 1) AS score
            FROM chunk c JOIN document d ON d.id = c.document_id, to_tsquery('simple', :query) q
            WHERE c.candidate_id = :candidate AND c.keywords @@ q
            ORDER BY score DESC, c.id
            LIMIT :depth""";

    private final JdbcClient jdbc;
    private final Embedder embedder;
    private final RetrievalProperties properties;

    HybridRetriever(JdbcClient jdbc, Embedder embedder, RetrievalProperties properties) {
        this.jdbc = jdbc;
        this.embedder = embedder;
        this.properties = properties;
    }

    @Override
    public List<Hit> retrieve(UUID candidateId, Query query, int k) {
        return retrieve(candidateId, query, k, Mode.HYBRID);
    }

    public List<Hit> retrieve(UUID candidateId, Query query, int k, Mode mode) {
        List<Hit> vector = mode.vector() ? vectorLeg(candidateId, query) : List.of();
        List<Hit> keyword = mode.keyword() && !query.terms().isEmpty() ? keywordLeg(candidateId, query) : List.of();
        return fuse(vector, keyword, k);
    }

    private List<Hit> vectorLeg(UUID candidateId, Query query) {
        PGvector vector = new PGvector(embedder.embedQuery(query.text()));
        List<Hit> hits = jdbc.sql(VECTOR_LEG)
                .param("vector", vector)
                .param("candidate", candidateId)
                .param("depth", properties.legDepth())
                .query((rs, n) -> new Hit(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getDouble(7),
                        n + 1,
                        0,
                        0,
                        0))
                .list();
        return hits;
    }

    private List<Hit> keywordLeg(UUID candidateId, Query query) {
        return jdbc.sql(KEYWORD_LEG)
                .param("query", KeywordAnalyzer.anyOf(query.terms()))
                .param("candidate", candidateId)
                .param("depth", properties.legDepth())
                .query((rs, n) -> new Hit(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        0,
                        0,
                        rs.getDouble(7),
                        n + 1,
                        0))
                .list();
    }

    /** Reciprocal rank fusion (Cormack et al.): each leg adds 1 / (k + rank) for the chunks it found. */
    List<Hit> fuse(List<Hit> vector, List<Hit> keyword, int k) {
        var merged = new java.util.LinkedHashMap<UUID, Hit>();
        for (Hit hit : vector) {
            merged.put(hit.chunkId(), hit);
        }
        for (Hit hit : keyword) {
            merged.merge(
                    hit.chunkId(),
                    hit,
                    (v, kw) -> new Hit(
                            v.chunkId(),
                            v.documentId(),
                            v.title(),
                            v.section(),
                            v.location(),
                            v.text(),
                            v.vectorScore(),
                            v.vectorRank(),
                            kw.keywordScore(),
                            kw.keywordRank(),
                            0));
        }
        List<Hit> fused = new ArrayList<>();
        for (Hit hit : merged.values()) {
            fused.add(hit.withFused(reciprocal(hit.vectorRank()) + reciprocal(hit.keywordRank())));
        }
        fused.sort(Comparator.comparingDouble(Hit::fused).reversed());
        return fused.subList(0, Math.min(k, fused.size()));
    }

    private double reciprocal(int rank) {
        return rank == 0 ? 0 : 1.0 / (properties.rrfK() + rank);
    }
}
