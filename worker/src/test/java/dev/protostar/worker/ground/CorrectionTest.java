package dev.protostar.worker.ground;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CorrectionTest {

    @Test
    void removes_the_sentences_with_ungrounded_figures_and_says_so() {
        String corrected = Correction.apply(
                "She rebuilt the settlement service [1]. It handles 15,000 TPS [1].",
                List.of("15,000"),
                Language.ENGLISH);
        assertThat(corrected)
                .startsWith("She rebuilt the settlement service [1].")
                .doesNotContain("handles 15,000")
                .contains("Removed statements with figures the cited documents do not contain: 15,000");
    }

    @Test
    void refuses_when_nothing_cited_is_left() {
        assertThat(Correction.apply("처리량은 15,000건입니다 [1].", List.of("15,000"), Language.KOREAN))
                .isEqualTo(Phrases.refusal(Language.KOREAN, List.of()));
    }
}
