package dev.protostar.worker.generate;

import dev.protostar.worker.ground.Language;
import dev.protostar.worker.ground.Verdict;
import dev.protostar.worker.memory.Memory;
import dev.protostar.worker.retrieve.Hit;
import java.util.List;

/**
 * What a generator answers: the question, the chunks it may use (numbered {@code [1]}, {@code [2]}, … in
 * this order), what the grounding rules decided of it (which parts are covered, what is not) and what the
 * session remembers.
 */
public record Ask(String question, Language language, Verdict verdict, Memory memory) {

    public List<Hit> sources() {
        return verdict.sources();
    }
}
