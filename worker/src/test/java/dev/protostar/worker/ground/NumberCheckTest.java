package dev.protostar.worker.ground;

import static dev.protostar.worker.ground.Hits.hit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.protostar.worker.retrieve.Hit;
import java.util.List;
import org.junit.jupiter.api.Test;

class NumberCheckTest {

    private final List<Hit> sources =
            List.of(hit("경력 > 한빛페이", "결제 API를 초당 12,000건 처리하도록 개선 (2019.03 ~ 2022.08)"), hit("Skills", "Java 17"));

    @Test
    void numbers_of_a_cited_chunk_are_grounded_in_any_separator_form() {
        assertThat(NumberCheck.ungrounded("She reached 12000 TPS in 2019 [1].", sources))
                .isEmpty();
        assertThat(NumberCheck.ungrounded("초당 12,000건 [1]", sources)).isEmpty();
    }

    @Test
    void a_number_no_cited_chunk_contains_is_ungrounded() {
        assertThat(NumberCheck.ungrounded("She reached 15,000 TPS [1].", sources))
                .containsExactly("15,000");
    }

    @Test
    void a_number_only_in_an_uncited_chunk_is_ungrounded() {
        assertThat(NumberCheck.ungrounded("She uses Java 17 [1].", sources)).containsExactly("17");
        assertThat(NumberCheck.ungrounded("She uses Java 17 [2].", sources)).isEmpty();
    }

    @Test
    void citation_marks_are_not_numbers_and_uncited_answers_ground_nothing() {
        assertThat(NumberCheck.ungrounded("She led the team [1][2].", sources)).isEmpty();
        assertThat(NumberCheck.ungrounded("She reached 12,000 TPS.", sources)).containsExactly("12,000");
    }
}
