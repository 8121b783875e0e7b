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
 * @param relevant whether retrieval found anything the question is about: a chunk sharing one of its topic
 *     terms, or (English) one semantically close — with a model, the only reason to refuse before asking it
 * @param documentsStored whether the candidate has any stored document at all
 */
public record Verdict(
        Question question,
        List<Question.Clause> answerable,
        List<String> uncovered,
        List<Hit> sources,
        TermCounts counts,
        boolean relevant,
        boolean documentsStored) {

    /**
     * The candidate has no readable document yet: nothing can be answered, and the refusal says so — naming
     * the files that could not be read ({@code uncovered}) — instead of blaming the question.
     */
    static Verdict noDocuments(Question question, List<String> failedFiles) {
        return new Verdict(
                question, List.of(), failedFiles, List.of(), new TermCounts(java.util.Map.of(), 0), false, false);
    }

    /** The same findings, with a premise of the question that the documents contradict: nothing is answered. */
    Verdict voidedBy(String premise) {
        List<String> all = new java.util.ArrayList<>(uncovered);
        all.add(premise);
        return new Verdict(question, List.of(), List.copyOf(all), sources, counts, relevant, documentsStored);
    }

    /** Nothing the question asks is in the documents: refuse without calling a model. */
    public boolean refuse() {
        return answerable.isEmpty();
    }

    /**
     * Whether to refuse before a generator: one that {@linkplain dev.protostar.worker.generate.Generator#judgesCoverage
     * judges coverage} itself only when nothing relevant was found; the offline mode whenever the rules say so.
     */
    public boolean refuseBefore(boolean generatorJudges) {
        return generatorJudges ? !relevant : refuse();
    }

    /** Some of it is: answer that part and say what is not covered. */
    public boolean partial() {
        return !answerable.isEmpty() && !uncovered.isEmpty();
    }
}
