package dev.protostar.worker.ground;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The refusal and grounding rules' numbers (protostar.grounding.*); application.yml says why each value.
 *
 * @param maxUncoveredShare a clause whose absent words carry this share of its weight is not covered
 * @param semanticRescue cosine similarity of the best chunk above which absent words are taken as paraphrase
 */
@ConfigurationProperties("protostar.grounding")
public record GroundingProperties(double maxUncoveredShare, double semanticRescue) {}
