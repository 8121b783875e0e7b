package dev.protostar.worker.ground;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScoresTest {

    private static final Scores EUNBI = Scores.of(CandidateProfiles.lines(
            List.of("어학\n영어: TOEIC 915 (2023년 5월), TOEIC Speaking IH (2022년 10월)\n중국어: HSK 4급 (2018년 7월)")));

    @Test
    void another_result_of_a_test_the_documents_give_is_a_false_premise() {
        assertThat(EUNBI.contradicted("HSK 6급 있던데 중국 노선 업무 바로 가능하겠죠?")).contains("HSK 6급");
        assertThat(EUNBI.contradicted("토익 950점이라던데 맞아요?")).contains("토익 950점");
        assertThat(EUNBI.contradicted("TOEIC 915 언제 받은 거예요?")).isEmpty();
        assertThat(EUNBI.contradicted("HSK 4급은 언제 땄어요?")).isEmpty();
    }

    @Test
    void a_result_compared_with_is_asked_not_claimed_and_a_test_not_given_is_for_the_other_rules() {
        assertThat(EUNBI.contradicted("토익 900 넘어요?")).isEmpty();
        assertThat(EUNBI.contradicted("토익 900점대인가요?")).isEmpty();
        assertThat(EUNBI.contradicted("is her TOEIC over 900?")).isEmpty();
        assertThat(EUNBI.contradicted("JLPT N1 있어요?")).isEmpty();
        assertThat(EUNBI.contradicted("TOEIC 점수 몇 점이에요?")).isEmpty();
    }
}
