package dev.protostar.worker.generate;

import dev.protostar.worker.ground.Language;
import dev.protostar.worker.ground.Verdict;
import dev.protostar.worker.retrieve.Hit;
import java.util.List;

/**
 * What a generator answers: the question, the chunks it may use (numbered {@code [1]}, {@code [2]}, … in
 * this order) and what the grounding rules decided of it (which parts are covered, what is not).
 */
public record Ask(String question, Language language, Verdict verdict) {

    public List<Hit> sources() {
        return verdict.sources();
    }
}
