package dev.protostar.worker.memory;

import static dev.protostar.worker.memory.MemoryFixtures.LINES;
import static dev.protostar.worker.memory.MemoryFixtures.turn;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FollowUpTest {

    private final QueryRewriter rewriter = new EntityCarryingRewriter(LINES);

    private final Turn toss = turn(1, "지금 어느 회사에서 일하나요?", "후보자의 문서에 따르면:\n- 토스페이먼츠 | 2021.04 ~ 재직중: 정산플랫폼팀 테크 리드 [1]");
    private final Turn coupang =
            turn(2, "쿠팡에서는 무슨 일을 했나요?", "후보자의 문서에 따르면:\n- 쿠팡 | 2017.09 ~ 2021.03 (3년 7개월): 주문 시스템 MSA 전환 [1]");

    @Test
    void a_self_contained_question_is_left_alone() {
        Memory memory = new Memory("", 0, 0, List.of(toss));
        assertThat(rewriter.rewrite("쿠팡에서 팀 규모는?", memory)).isEqualTo("쿠팡에서 팀 규모는?");
    }

    @Test
    void a_question_that_asks_nothing_of_its_own_asks_the_last_question_again_of_what_it_points_at() {
        Turn team =
                turn(1, "팀원 몇 명 데리고 있어?", "후보자의 문서에 따르면:\n- 경력 요약: 기간: 2020.09 – 현재 | 회사: 푸른식품 주식회사 | 팀 규모: 8명 [1]");
        Memory memory = new Memory("", 0, 0, List.of(team));
        assertThat(rewriter.rewrite("그 전 회사에서는?", memory))
                .startsWith("그 전 회사에서는 몇 명?")
                .contains("「경력 요약」");
        Turn role = turn(
                2,
                "What does he do at Northwind?",
                "From the candidate's documents:\n- Experience: Staff Engineer, Northwind [1]");
        assertThat(rewriter.rewrite("and before that?", new Memory("", 0, 0, List.of(role))))
                .as("a question of no figure is not asked again: its name would point back at Northwind")
                .startsWith("and before that? 「")
                .doesNotContain("Northwind");
        assertThat(FollowUps.elliptical("and before that?")).isTrue();
        assertThat(FollowUps.elliptical("what about the previous one?")).isTrue();
        assertThat(FollowUps.elliptical("그 전 회사는요?")).isTrue();
        for (String own :
                List.of("그 전 회사에서는 뭐 했어?", "and the team size there?", "그 전 회사 알려주세요", "how long was she there")) {
            assertThat(FollowUps.elliptical(own)).as(own).isFalse();
        }
    }

    @Test
    void a_follow_up_carries_the_latest_turns_subject() {
        Memory memory = new Memory("", 0, 0, List.of(toss, coupang));
        assertThat(rewriter.rewrite("그 회사에서 팀 규모는?", memory)).contains("쿠팡").doesNotContain("토스");
    }

    @Test
    void the_first_question_is_found_in_the_summary_once_it_left_the_recent_turns() {
        String summary = new ExtractiveSummarizer(LINES).fold("", List.of(toss));
        Memory memory = new Memory(summary, 0, 1, List.of(coupang));
        assertThat(rewriter.rewrite("처음에 물어본 회사에서 팀 규모는?", memory)).contains("토스페이먼츠");
    }

    @Test
    void a_turn_recalled_by_what_was_asked_in_it_is_found_by_its_words() {
        Turn certificates = turn(3, "자격증은 뭐가 있나요?", "후보자의 문서에 따르면:\n- 자격증: 정보처리기사 [1]");
        Memory memory = new Memory("", 0, 0, List.of(coupang, toss, certificates));
        assertThat(rewriter.rewrite("아까 주문 시스템을 물어봤던 쿠팡 프로젝트는 기간이 얼마나 됐나요?", memory))
                .contains("「쿠팡」")
                .doesNotContain("정보처리기사");
        assertThat(FollowUps.isFollowUp("그 작업은 몇 명이서 했나요?")).isTrue();
        assertThat(FollowUps.isFollowUp("그거 언제 했어")).isTrue();
        assertThat(FollowUps.isFollowUp("그 플젝 기간은 얼마나 돼?"))
                .as("chat shorthand for 프로젝트")
                .isTrue();
    }

    @Test
    void the_first_turn_about_what_is_named_is_the_one_meant_by_first_and_a_quoted_figure_names_its_turn() {
        Turn ledger = turn(
                2,
                "정산 플랫폼을 새로 구축한 프로젝트가 있던데 이름이 뭔가요?",
                "후보자의 문서에 따르면:\n- [프로젝트 1] 정산 플랫폼 Ledger 2.0 재구축: 기간: 2022.01 ~ 2023.06 [1]");
        Turn metrics = turn(
                4, "메트릭 플랫폼 전환으로 비용은 얼마나 줄었나요?", "후보자의 문서에 따르면:\n- 프로젝트 2. VictoriaMetrics 전환: 메트릭 스토리지 비용 62% 절감 [1]");
        Memory memory = new Memory("", 0, 0, List.of(toss, ledger, coupang, metrics, coupang));
        assertThat(rewriter.rewrite("처음에 얘기한 정산 플랫폼 프로젝트의 기술스택은?", memory))
                .contains("Ledger 2.0")
                .doesNotContain("토스페이먼츠");
        assertThat(rewriter.rewrite("처음에 물어본 회사에서 팀 규모는?", memory)).contains("토스페이먼츠");
        assertThat(rewriter.rewrite("아까 62% 줄였다고 한 그 작업은 몇 명이서 했나요?", memory)).contains("VictoriaMetrics");
    }

    @Test
    void an_english_follow_up_is_resolved_too() {
        Memory memory = new Memory(
                "", 0, 0, List.of(turn(1, "Where does Priya work?", "- Stripe — Senior Product Manager: Billing [1]")));
        assertThat(rewriter.rewrite("How large is the team there?", memory)).contains("Stripe");
    }
}
