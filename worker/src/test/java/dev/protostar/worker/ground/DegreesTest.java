package dev.protostar.worker.ground;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DegreesTest {

    private static final Degrees HANEUL = Degrees.of(
            CandidateProfiles.lines(
                    List.of(
                            """
            학력
            한국보건대학원대학교 임상연구학 석사 (2019.03 ~ 2021.02, 야간과정)
            한빛대학교 간호학과 학사 (2011.03 ~ 2015.02)""")));

    @Test
    void a_degree_in_a_field_the_documents_give_only_at_another_level_is_a_false_premise() {
        assertThat(HANEUL.contradicted("간호학 석사 나온 걸로 아는데 맞나요?")).contains("간호학 석사");
        assertThat(HANEUL.contradicted("임상연구학 석사는 언제 했어요?")).isEmpty();
        assertThat(HANEUL.contradicted("간호학 학사 어디서 했어요?")).isEmpty();
        assertThat(HANEUL.contradicted("경영학 석사 있어요?"))
                .as("a field the documents never name is for the other rules")
                .isEmpty();
        assertThat(HANEUL.contradicted("어느 대학 석사예요?"))
                .as("a university is no field")
                .isEmpty();
        Degrees owen = Degrees.of(CandidateProfiles.lines(
                List.of("M.S. Energy Systems Engineering — Rocky Mountain State University, 2015\n"
                        + "B.S. Environmental Science — Kansas Plains University, 2013")));
        assertThat(owen.contradicted("his PhD in engineering - what was it on?"))
                .contains("PhD in engineering");
        assertThat(owen.contradicted("what was his master's in engineering about?"))
                .isEmpty();
    }
}
