package dev.protostar.worker.retrieve;

import dev.protostar.infra.access.ApiKey;
import dev.protostar.worker.ground.Gate;
import dev.protostar.worker.ground.Grounding;
import dev.protostar.worker.ground.Question;
import dev.protostar.worker.ground.Verdict;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * {@code GET :9081/actuator/retrieval?candidateId=…&q=…[&mode=hybrid|vector|keyword][&k=5]} on the
 * management port: what retrieval finds for a question and what the grounding rules decide — for an
 * operator asking "why did it answer that?", and for the evaluation's recall and ablation figures.
 */
@Component
@Endpoint(id = "retrieval")
class RetrievalEndpoint {

    private final HybridRetriever retriever;
    private final Grounding grounding;
    private final Gate gate;
    private final RetrievalProperties properties;
    private final JdbcClient jdbc;

    RetrievalEndpoint(
            HybridRetriever retriever,
            Grounding grounding,
            Gate gate,
            RetrievalProperties properties,
            JdbcClient jdbc) {
        this.retriever = retriever;
        this.grounding = grounding;
        this.gate = gate;
        this.properties = properties;
        this.jdbc = jdbc;
    }

    /**
     * Only ops keys reach it (the management chain), and it reads candidates of one tenant only: the ops key's own,
     * or the one {@code tenant} names; a candidate of any other tenant is not found (404).
     */
    @ReadOperation
    Map<String, Object> search(
            SecurityContext caller,
            String candidateId,
            String q,
            @Nullable String mode,
            @Nullable Integer k,
            @Nullable String tenant) {
        UUID candidate = UUID.fromString(candidateId);
        ApiKey key = ApiKey.of(caller.getPrincipal());
        String asked = tenant != null ? tenant : key == null ? null : key.tenant();
        boolean inTenant = jdbc.sql("SELECT 1 FROM candidate WHERE id = ? AND tenant = ?")
                .params(candidate, asked)
                .query(Integer.class)
                .optional()
                .isPresent();
        if (!inTenant) {
            return null;
        }
        // Read as a turn reads it: the candidate's name dropped, "her last company" named.
        Question question = grounding.read(candidate, q);
        Mode legs = mode == null ? Mode.HYBRID : Mode.valueOf(mode.toUpperCase(Locale.ROOT));
        Retrieval retrieval = retriever.retrieve(candidate, question.query(), k == null ? properties.k() : k, legs);
        Verdict verdict = gate.judge(candidate, question, retrieval);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("question", question);
        answer.put("mode", legs);
        answer.put("refuse", verdict.refuse());
        answer.put("answerable", verdict.answerable());
        answer.put("uncovered", verdict.uncovered());
        answer.put("hits", retrieval.hits());
        return answer;
    }
}
