package dev.protostar.worker.memory;

/** Turns a follow-up ("and at the company before?") into a question retrieval can answer on its own. */
public interface QueryRewriter {

    /** The question as retrieval should see it; the question itself when it needs nothing earlier. */
    String rewrite(String question, Memory memory);
}
