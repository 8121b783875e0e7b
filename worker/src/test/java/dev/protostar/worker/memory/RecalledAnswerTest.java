package dev.protostar.worker.memory;

import static dev.protostar.worker.memory.MemoryFixtures.turn;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RecalledAnswerTest {

    @Test
    void the_lead_and_the_stale_citation_markers_are_left_out() {
        String answer = "후보자의 문서에 따르면:\n- 쿠팡 | 2017.09 ~ 2021.03 (3년 7개월): 주문플랫폼팀 시니어 백엔드 엔지니어 [1]";
        assertThat(RecalledAnswer.of(answer)).isEqualTo("- 쿠팡 | 2017.09 ~ 2021.03 (3년 7개월): 주문플랫폼팀 시니어 백엔드 엔지니어");
    }

    @Test
    void a_heading_over_several_quoted_lines_is_written_once_with_its_lines_under_it() {
        String answer =
                """
                From the candidate's documents:
                - Tripwire — data quality framework (Klarna): Failing checks quarantine the batch. [1]
                - Klarna — Senior Data Engineer: Built Tripwire. [4]
                - Tripwire — data quality framework (Klarna): Stopped 1,400 bad-data incidents. [1][2]""";
        assertThat(RecalledAnswer.of(answer))
                .isEqualTo(
                        """
                        Tripwire — data quality framework (Klarna):
                        - Failing checks quarantine the batch.
                        - Stopped 1,400 bad-data incidents.
                        - Klarna — Senior Data Engineer: Built Tripwire.""");
    }

    @Test
    void what_the_documents_do_not_say_is_kept() {
        String answer =
                "From the candidate's documents:\n- Stripe: Senior PM [1]\n\n" + "The documents do not mention salary.";
        assertThat(RecalledAnswer.of(answer)).isEqualTo("- Stripe: Senior PM\n\nThe documents do not mention salary.");
    }

    @Test
    void a_models_prose_keeps_every_word_but_its_citations() {
        assertThat(RecalledAnswer.of("She led 6 engineers [1] and cut the batch to 38 minutes [2][3]."))
                .isEqualTo("She led 6 engineers and cut the batch to 38 minutes.");
    }

    @Test
    void no_number_of_an_answer_is_lost() {
        Random random = new Random(20261202);
        for (int i = 0; i < 200; i++) {
            String answer = "후보자의 문서에 따르면:\n- [프로젝트 " + random.nextInt(9) + "] 한빛페이 | " + (2000 + random.nextInt(25))
                    + "." + String.format("%02d", 1 + random.nextInt(12)) + ": 처리량 " + random.nextInt(9_000) + " → "
                    + String.format("%,d", random.nextInt(90_000)) + " TPS [" + (1 + random.nextInt(8)) + "]\n"
                    + "- [프로젝트 " + random.nextInt(9) + "] 한빛페이 | 2019: 팀원 " + random.nextInt(20) + "명 [2]";
            Turn turn = turn(1, "처리량은?", answer);
            assertThat(CheckedSummarizer.missing(turn, RecalledAnswer.of(answer)))
                    .as(answer)
                    .isEmpty();
        }
    }
}
