package dev.protostar.worker.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.protostar.search.tokens.TokenCounter;
import dev.protostar.worker.memory.Memory;
import dev.protostar.worker.memory.MemoryProperties;
import dev.protostar.worker.memory.Turn;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PromptAssemblerTest {

    private static final PromptProperties BUDGETS = new PromptProperties(2000, 400, 300);

    private static List<Turn> turns(int count) {
        List<Turn> turns = new ArrayList<>();
        for (int seq = 1; seq <= count; seq++) {
            String answer = ("At Hanbit Pay she led turn " + seq + "'s team of five engineers. ").repeat(8);
            turns.add(new Turn(seq, "Question " + seq + "?", answer, false, TokenCounter.count(answer)));
        }
        return turns;
    }

    private static String history(boolean fullHistory, Memory memory) {
        return new PromptAssembler(new MemoryProperties(150, 1, 20, fullHistory), BUDGETS).history(memory);
    }

    @Test
    void turns_the_fold_has_not_reached_yet_are_sent_newest_first_within_their_budget() {
        String history = history(false, new Memory("", 0, 0, turns(12)));
        assertThat(TokenCounter.count(history)).isLessThanOrEqualTo(300 + 10);
        assertThat(history).contains("Question 12?").doesNotContain("Question 1?");
    }

    @Test
    void the_newest_turn_is_sent_even_alone_over_the_budget_cut_to_it() {
        Turn huge = new Turn(1, "Tell me everything?", "word ".repeat(2000), false, 2000);
        String history = history(false, new Memory("", 0, 0, List.of(huge)));
        assertThat(history).contains("Tell me everything?");
        assertThat(TokenCounter.count(history)).isLessThanOrEqualTo(300 + 10);
    }

    @Test
    void the_summary_keeps_its_newest_lines_within_its_budget() {
        String summary = "- team size: Hanbit Pay — 5\n- started: Coupang — 2017.09\n- left: Coupang — 2021.03";
        String history = history(false, new Memory(summary, TokenCounter.count(summary), 3, List.of()));
        assertThat(history).contains("- left: Coupang — 2021.03").doesNotContain("team size");
    }

    @Test
    void the_verbatim_turn_is_recalled_without_the_markup_that_only_made_sense_when_it_was_shown() {
        String answer = "From the candidate's documents:\n- Klarna — Senior Data Engineer: Built Tripwire [1]\n"
                + "- Klarna — Senior Data Engineer: Stopped 1,400 incidents [2]";
        Turn turn = new Turn(1, "What did he build?", answer, false, TokenCounter.count(answer));
        String history = history(false, new Memory("", 0, 0, List.of(turn)));
        assertThat(history)
                .contains("Klarna — Senior Data Engineer:\n- Built Tripwire\n- Stopped 1,400 incidents")
                .doesNotContain("[1]", "From the candidate's documents");
        assertThat(history(true, new Memory("", 0, 0, List.of(turn)))).contains(answer);
    }

    @Test
    void the_summary_is_shown_with_consecutive_lines_about_one_subject_under_it() {
        String summary = "- started: Coupang — 2017.09\n- left: Coupang — 2021.03";
        String history = new PromptAssembler(new MemoryProperties(150, 1, 600, false), BUDGETS)
                .history(new Memory(summary, TokenCounter.count(summary), 2, List.of()));
        assertThat(history).contains("Coupang:\n  - started — 2017.09\n  - left — 2021.03");
    }

    @Test
    void the_full_history_baseline_sends_every_turn() {
        String history = history(true, new Memory("", 0, 0, turns(12)));
        for (int seq = 1; seq <= 12; seq++) {
            assertThat(history).contains("Question " + seq + "?");
        }
    }
}
