package dev.protostar.worker.retrieve;

import dev.protostar.worker.ground.Gate;
import dev.protostar.worker.ground.Grounding;
import dev.protostar.worker.ground.Question;
import dev.protostar.worker.ground.Verdict;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
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

    RetrievalEndpoint(HybridRetriever retriever, Grounding grounding, Gate gate, RetrievalProperties properties) {
        this.retriever = retriever;
        this.grounding = grounding;
        this.gate = gate;
        this.properties = properties;
    }

    @ReadOperation
    Map<String, Object> search(String candidateId, String q, @Nullable String mode, @Nullable Integer k) {
        UUID candidate = UUID.fromString(candidateId);
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
