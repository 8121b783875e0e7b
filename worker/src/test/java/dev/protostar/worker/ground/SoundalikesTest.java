package dev.protostar.worker.ground;

import static org.assertj.core.api.Assertions.assertThat;

import dev.protostar.search.keyword.KeywordAnalyzer;
import dev.protostar.worker.retrieve.Glossary;
import java.util.List;
import org.junit.jupiter.api.Test;

class SoundalikesTest {

    private static final KeywordAnalyzer ANALYZER = new KeywordAnalyzer();

    @Test
    void a_loanword_and_its_english_word_sound_alike() {
        assertThat(Sounds.of("크래시")).containsExactly("KLS/ㅐ");
        assertThat(Sounds.of("crash")).contains("KLS/ㅐ");
        assertThat(Sounds.of("텔레메트리")).containsExactly("TLMTL/ㅔ");
        assertThat(Sounds.of("telemetry")).contains("TLMTL/ㅔ");
        assertThat(Sounds.of("쿠버네티스")).containsAnyElementsOf(Sounds.of("Kubernetes"));
        assertThat(Sounds.of("쿠팡")).containsAnyElementsOf(Sounds.of("Coupang"));
        assertThat(Sounds.of("마커스")).containsAnyElementsOf(Sounds.of("Marcus"));
        assertThat(Sounds.of("페란테")).containsAnyElementsOf(Sounds.of("Ferrante"));
        assertThat(Sounds.of("키아라")).as("ch read as k too").containsAnyElementsOf(Sounds.of("Chiara"));
        assertThat(Sounds.of("파이프라인")).containsAnyElementsOf(Sounds.of("pipeline"));
        assertThat(Sounds.of("데이터베이스")).containsAnyElementsOf(Sounds.of("database"));
    }

    @Test
    void different_words_do_not() {
        assertThat(Sounds.of("점수")).doesNotContainAnyElementsOf(Sounds.of("score"));
        assertThat(Sounds.of("병원")).doesNotContainAnyElementsOf(Sounds.of("hospital"));
        assertThat(Sounds.of("버전"))
                .as("the same consonants, another vowel")
                .doesNotContainAnyElementsOf(Sounds.of("Python"));
        assertThat(Sounds.of("버전")).containsAnyElementsOf(Sounds.of("version"));
        assertThat(Sounds.of("등록"))
                .as("ㅡ before a final consonant is the word's vowel")
                .doesNotContainAnyElementsOf(Sounds.of("Toonlog"));
        assertThat(Sounds.of("1234")).isEmpty();
    }

    @Test
    void a_question_finds_the_documents_word_in_the_other_script() {
        Soundalikes korean =
                Soundalikes.of(List.of("- 크래시 프리 사용자 비율 99.2% → 99.87% 개선", "네트워크 텔레메트리를 수집하는 파이프라인"), ANALYZER);
        assertThat(korean.of("crash")).isNotEmpty();
        assertThat(korean.of("telemetry")).isNotEmpty();
        assertThat(korean.of("hospital")).isEmpty();
        Soundalikes english =
                Soundalikes.of(List.of("Built Fjord, a network telemetry pipeline at Ericsson (Coupang)"), ANALYZER);
        assertThat(english.of("텔레메트리를")).contains("telemetri");
        assertThat(english.of("쿠팡")).contains("coupang");
    }

    @Test
    void a_term_of_the_question_gains_the_words_that_sound_like_it() {
        QuestionReader reader = new QuestionReader(ANALYZER, new Glossary(ANALYZER));
        Soundalikes english =
                Soundalikes.of(List.of("Built Fjord, a network telemetry pipeline at Ericsson"), ANALYZER);
        Question heard = english.heard(reader.read("Ericsson에서 만든 텔레메트리 파이프라인 이름은?"));
        assertThat(heard.clauses().getFirst().terms())
                .filteredOn(term -> term.surface().startsWith("텔레"))
                .allSatisfy(term -> assertThat(term.forms()).contains("telemetri"));
    }

    @Test
    void a_foreign_name_written_in_hangul_is_the_candidate() {
        PersonName marcus = PersonName.of("Marcus Bell", List.of());
        assertThat(References.withoutCandidate("마커스 벨 오픈소스 뭐 했어?", marcus)).isEqualTo("오픈소스 뭐 했어?");
        PersonName chiara = PersonName.of("Chiara Ferrante", List.of());
        assertThat(References.withoutCandidate("키아라 페란테 사용자 인터뷰 몇 번 했어?", chiara))
                .isEqualTo("사용자 인터뷰 몇 번 했어?");
        assertThat(References.withoutCandidate("벨소리 얘기", marcus))
                .as("a word that only begins like it stays")
                .contains("벨소리");
    }
}
