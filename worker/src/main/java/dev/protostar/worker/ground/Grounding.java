package dev.protostar.worker.ground;

import dev.protostar.worker.retrieve.RetrievalProperties;
import dev.protostar.worker.retrieve.Retriever;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Question → retrieved chunks → verdict: everything the answer may use, and whether it may answer at all. */
@Component
public class Grounding {

    private final QuestionReader reader;
    private final Retriever retriever;
    private final Gate gate;
    private final RetrievalProperties retrieval;

    Grounding(QuestionReader reader, Retriever retriever, Gate gate, RetrievalProperties retrieval) {
        this.reader = reader;
        this.retriever = retriever;
        this.gate = gate;
        this.retrieval = retrieval;
    }

    public Verdict ground(UUID candidateId, String text) {
        Question question = reader.read(text);
        return gate.judge(candidateId, question, retriever.retrieve(candidateId, question.query(), retrieval.k()));
    }
}
