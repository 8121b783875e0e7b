package dev.protostar.worker.ground;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AwardsTest {

    private final Awards awards = Awards.of(CandidateProfiles.lines(List.of(
            "학력\n2015 제9회 인디게임 챌린지 은상 (팀 프로젝트 「종이배 항해기」, 4인 팀에서 프로그래밍 담당)",
            "Certifications & awards\nMobile Design Awards 2022 — Silver, Mobility category",
            "경력\n신입 개발자 대상 온보딩 강의")));

    @Test
    void a_higher_rank_than_the_documents_record_for_the_prize_named_is_a_false_premise() {
        assertThat(awards.contradicted("인디게임 챌린지 대상 받은 사람 맞죠? 무슨 게임이었어?")).contains("대상 받");
        assertThat(awards.contradicted("she won gold at the Mobile Design Awards, right?"))
                .contains("won gold");
    }

    @Test
    void the_rank_recorded_a_prize_not_recorded_or_no_rank_claimed_is_no_contradiction() {
        assertThat(awards.contradicted("인디게임 챌린지 은상 받았죠?")).isEmpty();
        assertThat(awards.contradicted("해커톤에서 대상 받았어?"))
                .as("a prize the documents do not have: the gate's")
                .isEmpty();
        assertThat(awards.contradicted("신입 대상 온보딩 강의는 몇 번 했어?"))
                .as("대상 as a target")
                .isEmpty();
        assertThat(awards.contradicted("what did she win at the Mobile Design Awards?"))
                .isEmpty();
    }
}
