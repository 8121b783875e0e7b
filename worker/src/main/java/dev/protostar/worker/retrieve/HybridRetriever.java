package dev.protostar.worker.retrieve;

import com.pgvector.PGvector;
import dev.protostar.search.embed.Embedder;
import dev.protostar.search.keyword.KeywordAnalyzer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Vector and keyword search over one candidate's chunks, fused by reciprocal rank. The candidate filter is
 * in the SQL of both legs: no code path can return another candidate's text.
 *
 * <ul>
 *   <li>Vector leg: pgvector cosine distance over that candidate's rows, scanned exactly (the
 *       {@code OFFSET 0} fence keeps the planner off the HNSW index, which applies a filter after finding
 *       the globally nearest rows and can return too few).
 *   <li>Keyword leg: the stored Korean-aware tsvector ORed against every form of the question's terms
 *       (GIN), then ranked by {@link Bm25} over the matching chunks' terms, which also gives how many chunks
 *       contain each term — the grounding rules' evidence.
 * </ul>
 */
@Component
public class HybridRetriever implements Retriever {

    private static final String VECTOR_LEG =
            """
            SELECT c.id, c.document_id, d.title, c.section, c.location, c.text, c.ocr, 1 - (c.embedding <=> :vector) AS score
            FROM (SELECT * FROM chunk WHERE candidate_id = :candidate OFFSET 0) c
            JOIN document d ON d.id = c.document_id
            ORDER BY c.embedding <=> :vector
            LIMIT :depth""";

    private static final String KEYWORD_LEG =
            """
            SELECT c.id, c.document_id, d.title, c.section, c.location, c.text, c.ocr, c.keyword_text
            FROM chunk c JOIN document d ON d.id = c.document_id
            WHERE c.candidate_id = :candidate AND c.keywords @@ to_tsquery('simple', :query)""";

    private record Row(Hit hit, Bm25.Document document) {}

    /**
     * The vector legs' platform threads, kept for reuse (a minute idle) rather than one started per turn: the
     * embedding is ~8 ms of native CPU, and a virtual thread in it would hold one of the few carriers every
     * other turn and answer stream shares, unpreempted, where the OS time-slices a platform thread.
     */
    private static final ExecutorService VECTOR_LEGS = Executors.newCachedThreadPool(
            Thread.ofPlatform().name("vector-leg-", 0).daemon().factory());

    private final JdbcClient jdbc;
    private final Embedder embedder;
    private final RetrievalProperties properties;

    HybridRetriever(JdbcClient jdbc, Embedder embedder, RetrievalProperties properties) {
        this.jdbc = jdbc;
        this.embedder = embedder;
        this.properties = properties;
    }

    @Override
    public Retrieval retrieve(UUID candidateId, Query query, int k) {
        return retrieve(candidateId, query, k, Mode.HYBRID);
    }

    /**
     * The vector leg (the question's embedding, then its query) runs on a thread of its own beside the keyword
     * leg's two queries: both are on every turn's way to its first token.
     */
    public Retrieval retrieve(UUID candidateId, Query query, int k, Mode mode) {
        CompletableFuture<List<Hit>> vector = mode.vector()
                ? CompletableFuture.supplyAsync(() -> vectorLeg(candidateId, query), VECTOR_LEGS)
                : CompletableFuture.completedFuture(List.of());
        List<Row> rows = keywordRows(candidateId, query);
        TermCounts counts = counts(candidateId, rows, query);
        List<Hit> keyword = mode.keyword() ? rank(rows, query, counts) : List.of();
        return new Retrieval(fuse(join(vector), keyword, k, vectorWeight(query.text())), counts);
    }

    private static List<Hit> join(CompletableFuture<List<Hit>> leg) {
        try {
            return leg.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private List<Hit> vectorLeg(UUID candidateId, Query query) {
        return jdbc.sql(VECTOR_LEG)
                .param("vector", new PGvector(embedder.embedQuery(query.text())))
                .param("candidate", candidateId)
                .param("depth", properties.legDepth())
                .query((rs, n) -> new Hit(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getBoolean(7),
                        rs.getDouble(8),
                        n + 1,
                        0,
                        0,
                        0))
                .list();
    }

    /** Every chunk of the candidate that has any form of any term of the question. */
    private List<Row> keywordRows(UUID candidateId, Query query) {
        Set<String> forms = query.allForms();
        if (forms.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(KEYWORD_LEG)
                .param("query", KeywordAnalyzer.anyOf(forms))
                .param("candidate", candidateId)
                .query((rs, n) -> new Row(
                        new Hit(
                                rs.getObject(1, UUID.class),
                                rs.getObject(2, UUID.class),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6),
                                rs.getBoolean(7),
                                0,
                                0,
                                0,
                                0,
                                0),
                        new Bm25.Document(Arrays.asList(rs.getString(8).split(" ")))))
                .list();
    }

    private TermCounts counts(UUID candidateId, List<Row> rows, Query query) {
        Set<String> forms = query.allForms();
        Map<String, Integer> chunksWith = new HashMap<>();
        for (Row row : rows) {
            for (String term : new HashSet<>(row.document().terms())) {
                if (forms.contains(term)) {
                    chunksWith.merge(term, 1, Integer::sum);
                }
            }
        }
        int chunks = jdbc.sql("SELECT count(*) FROM chunk WHERE candidate_id = ?")
                .param(candidateId)
                .query(Integer.class)
                .single();
        return new TermCounts(chunksWith, chunks);
    }

    private List<Hit> rank(List<Row> rows, Query query, TermCounts counts) {
        double averageLength = rows.stream()
                .mapToInt(r -> r.document().terms().size())
                .average()
                .orElse(1);
        record Scored(Hit hit, double score) {}
        List<Scored> scored = new ArrayList<>();
        for (Row row : rows) {
            scored.add(new Scored(row.hit(), Bm25.score(row.document(), query.concepts(), counts, averageLength)));
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed());
        List<Hit> ranked = new ArrayList<>();
        for (int i = 0; i < Math.min(properties.legDepth(), scored.size()); i++) {
            Hit hit = scored.get(i).hit();
            ranked.add(new Hit(
                    hit.chunkId(),
                    hit.documentId(),
                    hit.title(),
                    hit.section(),
                    hit.location(),
                    hit.text(),
                    hit.ocr(),
                    0,
                    0,
                    scored.get(i).score(),
                    i + 1,
                    0));
        }
        return ranked;
    }

    /**
     * How much the vector leg counts against the keyword leg's 1: the embedding model is English, so for a
     * question in Hangul its similarities are close to noise and its vote shrinks with the share of Hangul.
     */
    double vectorWeight(String question) {
        int letters = 0;
        int hangul = 0;
        for (int i = 0; i < question.length(); i++) {
            char c = question.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                hangul += Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL ? 1 : 0;
            }
        }
        double share = letters == 0 ? 0 : (double) hangul / letters;
        return 1 - (1 - properties.hangulVectorWeight()) * share;
    }

    /**
     * Weighted reciprocal rank fusion (Cormack et al.): each leg adds weight / (k + rank) for the chunks it
     * found.
     */
    List<Hit> fuse(List<Hit> vector, List<Hit> keyword, int k, double vectorWeight) {
        Map<UUID, Hit> merged = new LinkedHashMap<>();
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
                            v.ocr(),
                            v.vectorScore(),
                            v.vectorRank(),
                            kw.keywordScore(),
                            kw.keywordRank(),
                            0));
        }
        List<Hit> fused = new ArrayList<>();
        for (Hit hit : merged.values()) {
            fused.add(hit.withFused(vectorWeight * reciprocal(hit.vectorRank()) + reciprocal(hit.keywordRank())));
        }
        fused.sort(Comparator.comparingDouble(Hit::fused).reversed());
        return fused.subList(0, Math.min(k, fused.size()));
    }

    private double reciprocal(int rank) {
        return rank == 0 ? 0 : 1.0 / (properties.rrfK() + rank);
    }
}
