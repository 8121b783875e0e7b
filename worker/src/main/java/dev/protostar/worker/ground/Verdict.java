package dev.protostar.worker.ground;

import dev.protostar.worker.retrieve.Hit;
import dev.protostar.worker.retrieve.TermCounts;
import java.util.List;

/**
 * What the documents can answer of a question, decided before any model is called.
 *
 * @param answerable the clauses the documents cover
 * @param uncovered what the documents do not mention, as the recruiter wrote it ("GPA", "네이버")
 * @param sources the retrieved chunks an answer may use, best first
 * @param counts how often the question's terms occur in the candidate's documents (their weights)
 */
public record Verdict(
        Question question,
        List<Question.Clause> answerable,
        List<String> uncovered,
        List<Hit> sources,
        TermCounts counts) {

    /** Nothing the question asks is in the documents: refuse without calling a model. */
    public boolean refuse() {
        return answerable.isEmpty();
    }

    /** Some of it is: answer that part and say what is not covered. */
    public boolean partial() {
        return !answerable.isEmpty() && !uncovered.isEmpty();
    }
}
