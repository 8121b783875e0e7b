package dev.protostar.worker.retrieve;

import java.util.UUID;

/** Finds a candidate's chunks for a question: never another candidate's. */
public interface Retriever {

    /** The best {@code k} chunks of {@code candidateId}'s documents for {@code query}, best first. */
    Retrieval retrieve(UUID candidateId, Query query, int k);
}
