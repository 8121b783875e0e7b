package dev.protostar.worker.retrieve;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Retrieval policy (protostar.retrieval.*); application.yml says why each default.
 *
 * @param k chunks handed to the answer
 * @param legDepth how many results each leg contributes to the fusion
 * @param rrfK the reciprocal-rank-fusion constant
 * @param hangulVectorWeight the vector leg's weight in the fusion for a question written wholly in Hangul
 */
@ConfigurationProperties("protostar.retrieval")
public record RetrievalProperties(int k, int legDepth, int rrfK, double hangulVectorWeight) {}
