package dev.protostar.worker.generate;

/** Produces an answer from the retrieved chunks, token by token. The seam between the answer route and any model. */
public interface Generator {

    /**
     * Streams the answer to {@code sink} and returns when it is complete.
     *
     * @throws GenerationException when no complete answer can be given
     */
    Generation generate(Ask ask, TokenSink sink);

    /**
     * Whether this generator tells for itself what the documents do not cover (a model told to say so), so the
     * grounding rules refuse before it only when retrieval found nothing relevant at all. The offline mode
     * quotes whatever it is given: the rules decide for it.
     */
    default boolean judgesCoverage() {
        return false;
    }
}
