package dev.protostar.search.keyword;

import static org.assertj.core.api.Assertions.assertThat;

import dev.protostar.search.keyword.KeywordAnalyzer.Kind;
import org.junit.jupiter.api.Test;

class KeywordAnalyzerTest {

    private final KeywordAnalyzer analyzer = new KeywordAnalyzer();

    @Test
    void korean_particles_do_not_change_the_term() {
        assertThat(analyzer.tokens("경력은")).containsExactly("경력");
        assertThat(analyzer.tokens("경력을")).containsExactly("경력");
        assertThat(analyzer.tokens("경력사항에서")).contains("경력");
    }

    @Test
    void compounds_are_kept_whole_and_split() {
        assertThat(analyzer.tokens("한빛페이에서")).contains("한빛", "페이");
    }

    @Test
    void loanwords_ending_in_line_are_not_split_into_the_employer() {
        assertThat(analyzer.tokens("데이터 파이프라인을 온라인으로")).containsExactly("데이터", "파이프라인", "온라인");
    }

    @Test
    void an_a_b_test_is_one_word_however_it_is_written_and_shop_events_stay_whole() {
        assertThat(analyzer.tokens("사내 A/B 테스트 플랫폼")).contains("ab", "테스트");
        assertThat(analyzer.tokens("AB테스트 경험")).contains("ab", "테스트");
        assertThat(analyzer.tokens("I/O and A/B/C")).doesNotContain("ab");
        assertThat(analyzer.tokens("블프 때 트래픽")).contains("블프", "트래픽");
    }

    @Test
    void english_is_lower_cased_stemmed_and_stop_words_dropped() {
        assertThat(analyzer.tokens("She led the Engineers at Kakao")).containsExactly("led", "engin", "kakao");
    }

    @Test
    void thousands_separators_are_dropped_so_numbers_match_either_way() {
        assertThat(analyzer.tokens("12,000 TPS")).containsExactly("12000", "tp");
        assertThat(analyzer.tokens("초당 12000건")).contains("12000");
    }

    @Test
    void query_is_an_or_of_distinct_quoted_terms() {
        assertThat(analyzer.anyOfQuery("결제 시스템의 결제 처리량은?")).isEqualTo("'결제' | '시스템' | '처리'");
        assertThat(analyzer.anyOfQuery("?!")).isEmpty();
    }

    @Test
    void terms_know_what_they_are() {
        assertThat(analyzer.analyze("네이버에서 5년"))
                .extracting(KeywordAnalyzer.Term::kind)
                .contains(Kind.NUMBER);
        assertThat(analyzer.analyze("Kakao"))
                .extracting(KeywordAnalyzer.Term::kind)
                .containsExactly(Kind.FOREIGN);
    }

    @Test
    void a_terms_surface_is_the_text_as_written() {
        assertThat(analyzer.analyze("She streamed 1,000 databases at Klarna"))
                .extracting(KeywordAnalyzer.Term::surface)
                .contains("1,000", "Klarna");
    }
}
