package dev.protostar.worker.memory;

import static dev.protostar.worker.memory.MemoryFixtures.LINES;
import static dev.protostar.worker.memory.MemoryFixtures.turn;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SummarizerTest {

    private final Summarizer summarizer = new CheckedSummarizer(new ExtractiveSummarizer(LINES), LINES);

    @Test
    void a_folded_turn_becomes_one_line_with_its_subjects_and_figures() {
        String summary = summarizer.fold(
                "",
                List.of(turn(
                        1,
                        "쿠팡에서는 얼마 동안 근무했나요?",
                        "후보자의 문서에 따르면:\n- 쿠팡 | 2017.09 ~ 2021.03 (3년 7개월): 주문플랫폼팀 시니어 백엔드 엔지니어 [1]")));
        assertThat(summary).isEqualTo("- 동안 근무: 쿠팡 — 2017.09 ~ 2021.03, 3년 7개월");
        assertThat(summary.lines()).hasSize(1);
    }

    @Test
    void folding_appends_to_the_summary_without_repeating_what_it_says() {
        String first = summarizer.fold("", List.of(turn(1, "Where does she work?", "- Stripe: Senior PM [1]")));
        String second = summarizer.fold(first, List.of(turn(2, "How large is her team?", "- Stripe: team of 14 [1]")));
        assertThat(second).startsWith(first).contains("14").endsWith("- team: Stripe — 14");
    }

    @Test
    void figures_stated_together_stay_together() {
        String summary = summarizer.fold(
                "",
                List.of(turn(
                        1,
                        "처리량은 얼마나 늘었나요?",
                        "- [프로젝트 3] 주문 시스템 MSA 전환: 피크 시간대 주문 처리량 1,800 TPS → 6,500 TPS [1]\n"
                                + "- [프로젝트 3] 주문 시스템 MSA 전환: 정산 배치 4시간 20분 → 38분 [1]")));
        assertThat(summary).contains("1,800 TPS → 6,500 TPS", "4시간 20분 → 38분");
    }

    @Test
    void a_figure_is_not_taken_for_said_because_a_longer_one_shares_its_digits() {
        String first = summarizer.fold("", List.of(turn(1, "How large was the team?", "- Coupang: a team of 16명 [1]")));
        String second = summarizer.fold(first, List.of(turn(2, "And at Toss?", "- Toss Payments: 6명, 2021.04 [1]")));
        assertThat(second.lines().toList().getLast()).contains("6명", "2021.04");
    }

    @Test
    void a_figure_the_line_states_already_is_not_repeated() {
        Facts facts = LINES.facts(turn(2, "What did she rebuild?", "- Ledger 2.0 재구축: 기간 2022.01 ~ 2023.06 [1]"));
        assertThat(LINES.line(facts)).isEqualTo("- rebuild: Ledger 2.0 재구축 — 2022.01 ~ 2023.06");
    }

    @Test
    void the_summarizer_never_drops_a_number_of_the_folded_turns() {
        Random random = new Random(20261125);
        String summary = "";
        List<Turn> all = new ArrayList<>();
        for (int seq = 1; seq <= 200; seq++) {
            String question = random.nextBoolean() ? "How did throughput change at Hanbit Pay?" : "처리량은 얼마나 늘었나요?";
            String answer = "From the candidate's documents:\n- Hanbit Pay | " + (2000 + random.nextInt(25)) + "."
                    + String.format("%02d", 1 + random.nextInt(12)) + ": throughput rose from " + random.nextInt(9_000)
                    + " to " + String.format("%,d", random.nextInt(90_000)) + " TPS, p99 " + random.nextInt(500)
                    + " ms → " + (random.nextInt(90) / 10.0) + "s, cost cut " + random.nextInt(100) + "% [1]\n"
                    + "- 결제팀: 초당 " + String.format("%,d", random.nextInt(20_000)) + "건, " + random.nextInt(10)
                    + "년 " + random.nextInt(12) + "개월 [2]";
            Turn turn = turn(seq, question, answer);
            all.add(turn);
            summary = summarizer.fold(summary, List.of(turn));
        }
        for (Turn turn : all) {
            assertThat(CheckedSummarizer.missing(turn, summary))
                    .as("turn " + turn.seq())
                    .isEmpty();
            assertThat(new CheckedSummarizer(summarizer, LINES).missingNames(turn, summary))
                    .as("turn " + turn.seq())
                    .isEmpty();
        }
    }

    @Test
    void a_summary_that_lost_a_figure_gets_the_turns_facts_back() {
        Summarizer forgetful = (summary, turns) -> summary + "\n- she worked there for about four years";
        String summary = new CheckedSummarizer(forgetful, LINES)
                .fold("", List.of(turn(1, "How long was she at Coupang?", "- Coupang: 3 years 7 months [1]")));
        assertThat(summary).contains("3 years", "7 months");
    }

    @Test
    void a_summary_that_lost_a_name_gets_the_turns_facts_back() {
        Summarizer forgetful = (summary, turns) -> summary + "\n- she led a team of 14 for 3 years";
        String summary = new CheckedSummarizer(forgetful, LINES)
                .fold("", List.of(turn(1, "Where did she lead a team?", "- Stripe: led a team of 14 for 3 years [1]")));
        assertThat(summary).contains("Stripe");
    }

    @Test
    void a_model_that_rewrites_the_summary_cannot_drop_an_earlier_turns_figures() {
        Summarizer rewriting = (summary, turns) -> "- the candidate was discussed";
        Summarizer checked = new CheckedSummarizer(rewriting, LINES);
        String first =
                checked.fold("", List.of(turn(1, "How long was she at Coupang?", "- Coupang: 3 years 7 months [1]")));
        String second =
                checked.fold(first, List.of(turn(2, "Where does she work now?", "- Toss Payments: since 2021 [1]")));
        assertThat(second).contains("3 years", "7 months", "2021", "Coupang", "Toss Payments");
    }

    @Test
    void a_verb_that_opens_a_sentence_is_not_taken_for_a_name() {
        Facts facts = LINES.facts(turn(
                4,
                "What did she launch?",
                "- Freshworks: Launched Smart Assign for Freshdesk. Partnered with sales on 40 accounts [1]"));
        assertThat(facts.subjects()).containsExactly("Freshworks", "Smart Assign", "Freshdesk");
    }

    @Test
    void summary_lines_read_back_as_the_facts_they_were_made_from() {
        Facts facts = LINES.facts(turn(3, "What did she build at Toss?", "- Toss Payments: Ledger 2.0, 1.8억 원 절감 [1]"));
        List<Facts> read = LINES.parse(LINES.line(facts));
        assertThat(read).hasSize(1);
        assertThat(read.getFirst().subjects()).isEqualTo(facts.subjects());
        assertThat(read.getFirst().figures()).isEqualTo(facts.figures());
    }
}
