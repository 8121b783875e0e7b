package dev.protostar.worker.generate;

/** Produces an answer from the retrieved chunks, token by token. The seam between the answer route and any model. */
public interface Generator {

    /**
     * Streams the answer to {@code sink} and returns when it is complete.
     *
     * @throws GenerationException when no complete answer can be given
     */
    Generation generate(Ask ask, TokenSink sink);
}
