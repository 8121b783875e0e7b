package dev.protostar.worker.memory;

/**
 * A recorded turn of a session.
 *
 * @param seq its place in the session, from 1
 * @param tokens BPE tokens of question and answer: what it costs sent back verbatim
 */
public record Turn(int seq, String question, String answer, boolean refused, int tokens) {}
