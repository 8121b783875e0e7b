package dev.protostar.worker.ground;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The refusal and grounding rules' numbers (protostar.grounding.*); application.yml says why each value.
 *
 * @param absentWordShare a clause with at least this share of its words absent from the documents is not covered
 * @param semanticRescue cosine similarity of the best chunk above which absent words are taken as paraphrase
 * @param profileTtl how long a candidate's name and job timeline are kept before being read again
 */
@ConfigurationProperties("protostar.grounding")
public record GroundingProperties(double absentWordShare, double semanticRescue, Duration profileTtl) {

    public GroundingProperties {
        profileTtl = profileTtl == null ? Duration.ofSeconds(10) : profileTtl;
    }
}
