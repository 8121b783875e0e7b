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

    @Test
    void a_degree_at_a_school_the_documents_name_only_for_another_degree_is_a_false_premise() {
        Degrees henrik = Degrees.of(
                CandidateProfiles.lines(List.of("EDUCATION\nMSc in Supply Chain Management — Aarhus University, 2011\n"
                        + "BSc in Business Administration and Economics — Copenhagen Business School, 2009")));
        assertThat(henrik.contradicted("he did his MSc at Copenhagen Business School — what year did he finish"))
                .contains("MSc at Copenhagen Business School");
        assertThat(henrik.contradicted("his MSc from Aarhus University, when was that?"))
                .isEmpty();
        assertThat(henrik.contradicted("was his bachelor's at Copenhagen Business School?"))
                .isEmpty();
        assertThat(henrik.contradicted("his MBA at Harvard?"))
                .as("a school the documents never name is for the other rules")
                .isEmpty();
        assertThat(HANEUL.contradicted("한빛대 석사 했죠?")).contains("한빛대 석사");
        assertThat(HANEUL.contradicted("한빛대학교에서 학사 했죠?")).isEmpty();
    }

    @Test
    void a_department_the_documents_do_not_name_beside_the_one_they_do_is_a_false_premise() {
        Degrees eunbi = Degrees.of(
                CandidateProfiles.lines(List.of("학력\n2009년 3월 ~ 2013년 2월   한국항공대학교 항공교통물류학부 학사 (학점 3.6/4.5)")));
        assertThat(eunbi.contradicted("항공대 항공운항학과 나왔던데 원래 조종사 준비했던 거예요?")).contains("항공운항학과");
        assertThat(eunbi.contradicted("항공교통물류학부 몇 년도 졸업이에요?")).isEmpty();
        assertThat(eunbi.contradicted("무슨 학과 나왔어요?")).isEmpty();
        assertThat(eunbi.contradicted("어느학과 나왔어요?")).isEmpty();
        assertThat(HANEUL.contradicted("간호학과 졸업했죠?")).isEmpty();
    }
}
