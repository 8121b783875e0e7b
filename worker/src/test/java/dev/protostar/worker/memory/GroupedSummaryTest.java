package dev.protostar.worker.memory;

import static dev.protostar.worker.memory.MemoryFixtures.LINES;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GroupedSummaryTest {

    private static final String SUMMARY =
            """
            - 회사 역할: 토스페이먼츠 — 2021.04
            - 프로젝트 이름 기간: Ledger 2.0; QA — 2022.01 ~ 2023.06, 1년 6개월
            - 팀 구성: Ledger 2.0 — 6명, 1명
            - 배치 시간 단축: Ledger 2.0 — 4시간 20분 → 38분
            - 희망 연봉: (not in the documents)
            - 이전 직장: 쿠팡 — 2017.09 ~ 2021.03""";

    @Test
    void consecutive_lines_about_one_subject_are_written_under_it_once() {
        assertThat(GroupedSummary.of(SUMMARY))
                .isEqualTo(
                        """
                        - 회사 역할: 토스페이먼츠 — 2021.04
                        Ledger 2.0:
                          - 프로젝트 이름 기간: QA — 2022.01 ~ 2023.06, 1년 6개월
                          - 팀 구성 — 6명, 1명
                          - 배치 시간 단축 — 4시간 20분 → 38분
                        - 희망 연봉: (not in the documents)
                        - 이전 직장: 쿠팡 — 2017.09 ~ 2021.03""");
    }

    @Test
    void lines_of_another_shape_and_refusals_stay_as_they_are() {
        String summary =
                "- 희망 연봉: (not in the documents)\n- 입사 가능일: (not in the documents)\nShe was asked about Stripe.";
        assertThat(GroupedSummary.of(summary)).isEqualTo(summary);
    }

    @Test
    void every_name_and_figure_of_the_summary_is_still_shown() {
        String shown = GroupedSummary.of(SUMMARY);
        for (Facts facts : LINES.parse(SUMMARY)) {
            assertThat(shown).contains(facts.gist());
            facts.subjects().forEach(subject -> assertThat(shown).contains(subject));
            facts.figures().forEach(figure -> assertThat(shown).contains(figure));
        }
    }
}
