package dev.protostar.worker.memory;

/**
 * A recorded turn of a session.
 *
 * @param seq its place in the session, from 1
 * @param answer the answer as the recruiter saw it
 * @param tokens BPE tokens of the question and the recalled answer: what the turn costs sent back verbatim
 */
public record Turn(int seq, String question, String answer, boolean refused, int tokens) {

    /** The answer as a later prompt carries it: every sentence, without stale citations or repeated headings. */
    public String recalledAnswer() {
        return RecalledAnswer.of(answer);
    }
}
