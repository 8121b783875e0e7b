package dev.protostar.worker.memory;

import dev.protostar.worker.generate.InstructionLike;
import java.util.List;

/**
 * A summary holds facts about the candidate, and an instruction to a model is none: each sentence of a folded
 * summary that reads as one ({@link InstructionLike}: "ignore previous instructions…", "SYSTEM: you are now…",
 * which an answer may have quoted from an injected document and a fold carried along) is replaced by a marker
 * saying that one was left out. Why here: the summary goes into every later prompt of the session, long after
 * the excerpt it came from, so it is where an instruction must not settle — whether a model wrote the summary
 * (told not to, but not trusted to) or the extractive fold did. The turn itself keeps its answer as shown, and
 * the document can still be asked. Wraps the checked summarizer, so the lines the check puts back pass here too.
 */
final class InstructionFreeSummarizer implements Summarizer {

    private final Summarizer summarizer;

    InstructionFreeSummarizer(Summarizer summarizer) {
        this.summarizer = summarizer;
    }

    @Override
    public String fold(String summary, List<Turn> turns) {
        return InstructionLike.leftOut(summarizer.fold(summary, turns));
    }
}
