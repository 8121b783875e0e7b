package dev.protostar.worker.ground;

import static org.assertj.core.api.Assertions.assertThat;

import dev.protostar.search.keyword.KeywordAnalyzer;
import dev.protostar.worker.retrieve.Glossary;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuestionReaderTest {

    private static final KeywordAnalyzer ANALYZER = new KeywordAnalyzer();
    private final QuestionReader reader = new QuestionReader(ANALYZER, new Glossary(ANALYZER));

    @Test
    void drops_question_words_and_keeps_what_is_asked_about() {
        Question question = reader.read("What was her expected salary?");
        assertThat(terms(question.clauses().getFirst())).containsExactly("expect", "salari");
        assertThat(question.language()).isEqualTo(Language.ENGLISH);
    }

    @Test
    void tells_names_and_numbers_from_words() {
        Question question = reader.read("How did her 5 years at Naver go, in 2019?");
        assertThat(question.clauses())
                .flatExtracting(Question.Clause::terms)
                .extracting(Question.Term::surface, Question.Term::kind)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("2019", Question.Kind.NUMBER),
                        org.assertj.core.groups.Tuple.tuple("Naver", Question.Kind.NAME));
        assertThat(question.clauses().getFirst().quantities())
                .extracting(Question.Quantity::surface)
                .containsExactly("5 years");
    }

    @Test
    void splits_a_two_part_question_into_clauses() {
        assertThat(reader.read("What was her GPA, and which company did she join in 2019?")
                        .clauses())
                .hasSize(2);
        assertThat(reader.read("결혼은 했는지, 그리고 현재 재직 중인 회사는 어디인지 알려주세요.").clauses())
                .hasSize(2);
        assertThat(reader.read("Which databases and queues has she used?").clauses())
                .hasSize(1);
        assertThat(reader.read("what's her degree and GPA").clauses())
                .as("a bare noun asked after 'and' at the end")
                .extracting(Question.Clause::asks)
                .containsExactly(true, true);
        assertThat(reader.read("학교 어디고 학점은?").clauses()).hasSize(2);
        assertThat(reader.read("오늘의식탁 입사 언제고 연봉은 얼마야").clauses()).hasSize(2);
        assertThat(reader.read("How did Fjord stream 1,000 source databases into the lake?")
                        .clauses())
                .as("a number's comma is no clause break")
                .hasSize(1);
    }

    @Test
    void an_apostrophe_inside_a_word_quotes_nothing_and_an_ampersand_inside_a_name_splits_nothing() {
        assertThat(reader.read("what's his master's in and where from")
                        .clauses()
                        .getFirst()
                        .phrases())
                .isEmpty();
        assertThat(reader.read("what's her notice period at Tallow & Thyme?").clauses())
                .hasSize(1);
        assertThat(reader.read("'트랙온' 개발할 때 맡은 파트는?").clauses().getFirst().phrases())
                .containsExactly("트랙온");
    }

    @Test
    void a_licence_title_is_one_word_where_nori_reads_its_last_syllable_as_a_verb() {
        assertThat(terms(reader.read("기술사 있어요? 언제 땄는지도").clauses().getFirst())).contains("기술사");
        assertThat(terms(reader.read("사회복지사 있나요?").clauses().getFirst())).contains("복지사");
        assertThat(terms(reader.read("기술 사 갈 사람").clauses().getFirst()))
                .as("a noun and a verb 사 apart are two words")
                .doesNotContain("기술사");
    }

    @Test
    void how_big_asks_a_size() {
        assertThat(terms(reader.read("how big is the transport budget he owns")
                        .clauses()
                        .getFirst()))
                .doesNotContain("big")
                .contains("transport", "budget");
    }

    @Test
    void a_word_inside_an_institutions_name_takes_none_of_the_glossarys_words() {
        Question question = reader.read("한빛대학교병원에서 뭐 했어요?");
        assertThat(question.clauses().getFirst().terms())
                .filteredOn(term -> term.text().equals("대학교"))
                .allSatisfy(term -> assertThat(term.forms()).containsExactly("대학교"));
        assertThat(reader.read("대학교 어디 나왔어요?").clauses().getFirst().terms())
                .filteredOn(term -> term.text().equals("대학교"))
                .allSatisfy(term -> assertThat(term.forms()).contains("학력"));
    }

    @Test
    void half_taken_for_granted_is_a_quantity_to_find() {
        assertThat(reader.read("오늘의식탁에서 해지율 절반으로 줄였다던데 어떻게 했대")
                        .clauses()
                        .getFirst()
                        .quantities())
                .extracting(Question.Quantity::number)
                .containsExactly("50");
        assertThat(reader.read("so he cut compute spend in half, how'd he pull that off")
                        .clauses()
                        .getFirst()
                        .quantities())
                .hasSize(1);
        assertThat(reader.read("Kafka 기반으로 만든 정산 시스템 이름이 뭐야")
                        .clauses()
                        .getFirst()
                        .quantities())
                .as("기반으로 holds 반으로 but says no half")
                .isEmpty();
    }

    @Test
    void korean_question_words_are_not_terms() {
        Question question = reader.read("지원자는 어떤 회사에서 몇 년 일했나요?");
        assertThat(question.language()).isEqualTo(Language.KOREAN);
        assertThat(terms(question.clauses().getFirst())).contains("회사").doesNotContain("지원자", "어떤");
        assertThat(terms(reader.read("SRE 파트 리드를 맡기 시작한 시점을 알려주세요").clauses().getFirst()))
                .as("'the point it started' asks when, like 언제")
                .contains("파트", "리드")
                .doesNotContain("시점", "시작");
    }

    @Test
    void a_count_asked_with_go_is_a_clause_of_its_own() {
        assertThat(reader.read("해커톤 대상 받은 게 몇 년도고 상금은 얼마였어").clauses()).hasSize(2);
        assertThat(reader.read("데이터 카탈로그 월 사용자 몇 명이고 도입 비용은 얼마 들었어?").clauses()).hasSize(2);
        assertThat(reader.read("what languages does speak").clauses().getFirst().terms())
                .as("the subject (a name) was dropped; the verb is still a verb")
                .filteredOn(term -> term.kind() == Question.Kind.WORD)
                .extracting(Question.Term::text)
                .containsExactly("languag");
    }

    @Test
    void a_language_test_is_a_name_the_documents_must_have() {
        Question question = reader.read("영어 OPIc 등급이랑 토익 점수 둘 다 알려줘");
        assertThat(question.clauses()).hasSize(2);
        assertThat(question.clauses().get(1).terms())
                .filteredOn(term -> term.kind() == Question.Kind.NAME)
                .extracting(Question.Term::surface)
                .containsExactly("토익");
    }

    @Test
    void a_glossary_phrase_stands_for_its_line_not_for_its_words() {
        Question question = reader.read("What does he do in his spare time?");
        assertThat(question.clauses().getFirst().terms())
                .extracting(Question.Term::text, Question.Term::surface)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("hobbi", "spare time"));
        assertThat(question.query().allForms()).contains("interest", "취미").doesNotContain("time");
    }

    @Test
    void terms_bring_their_glossary_equivalents() {
        Question question = reader.read("How many people did she manage?");
        assertThat(question.query().allForms()).contains("manag", "리드", "led");
    }

    private static List<String> terms(Question.Clause clause) {
        return clause.terms().stream().map(Question.Term::text).toList();
    }

    @Test
    void quantities_keep_their_unit_and_number_words_become_digits() {
        assertThat(reader.read("쿠팡에서 5년 넘게 일하면서 무엇을 했나요?").clauses().getFirst().quantities())
                .extracting(Question.Quantity::number, Question.Quantity::unit)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("5", "년"));
        assertThat(reader.read("Why did he leave Shopify after six years there?")
                        .clauses()
                        .getFirst()
                        .quantities())
                .extracting(Question.Quantity::number)
                .containsExactly("6");
        assertThat(reader.read("How did he reach 2 million users?")
                        .clauses()
                        .getFirst()
                        .quantities())
                .extracting(Question.Quantity::surface)
                .containsExactly("2 million");
    }

    @Test
    void names_of_several_words_and_quoted_names_are_phrases() {
        assertThat(reader.read("What did he study at the University of Toronto?")
                        .clauses()
                        .getFirst()
                        .phrases())
                .containsExactly("University of Toronto");
        assertThat(reader.read("Slack 봇 '불침번'을 만들 때 어떤 역할을 했나요?")
                        .clauses()
                        .getFirst()
                        .phrases())
                .contains("불침번");
    }

    @Test
    void a_korean_name_of_a_native_word_and_a_noun_is_a_phrase_but_a_modified_noun_is_not() {
        assertThat(reader.read("푸른식품에서 박서아 직급이 뭐였지?").clauses().getFirst().phrases())
                .containsExactly("푸른식품");
        assertThat(reader.read("한결물류에서 적재율 얼마나 올렸어?").clauses().getFirst().phrases())
                .containsExactly("한결물류");
        for (String plain : List.of("전회사에서 뭐 했어?", "다른회사에서도 일했어?", "마지막회사는 어디야?", "지원자 최근 직장은?")) {
            assertThat(reader.read(plain).clauses().getFirst().phrases())
                    .as(plain)
                    .isEmpty();
        }
    }

    @Test
    void a_clause_that_asks_nothing_is_a_premise() {
        Question question = reader.read("As Director of Product at Stripe, how many PMs does Priya manage?");
        assertThat(question.clauses()).extracting(Question.Clause::asks).containsExactly(false, true);
    }

    @Test
    void a_latin_word_opening_a_korean_question_is_a_name() {
        assertThat(reader.read("Radish에서 온라인 피처 조회 처리량은 얼마인가요?")
                        .clauses()
                        .getFirst()
                        .terms())
                .filteredOn(t -> t.kind() == Question.Kind.NAME)
                .extracting(Question.Term::surface)
                .containsExactly("Radish");
    }

    @Test
    void the_verb_after_an_inverted_auxiliary_or_of_a_relative_clause_is_a_verb() {
        assertThat(reader.read("How many people did Priya manage?")
                        .clauses()
                        .getFirst()
                        .terms())
                .filteredOn(t -> t.kind() == Question.Kind.VERB)
                .extracting(Question.Term::surface)
                .containsExactly("manage");
        assertThat(reader.read("Tell me about a project of his that shipped late.")
                        .clauses()
                        .getFirst()
                        .terms())
                .filteredOn(t -> t.kind() == Question.Kind.VERB)
                .extracting(Question.Term::surface)
                .containsExactly("shipped");
        assertThat(reader.read("What was her GPA, and which company did she join?")
                        .clauses()
                        .get(1)
                        .terms())
                .as("'which' after 'and' asks")
                .filteredOn(t -> t.kind() == Question.Kind.VERB)
                .extracting(Question.Term::surface)
                .containsExactly("join");
        assertThat(reader.read("Is she fluent in French?").clauses().getFirst().terms())
                .as("what follows a form of 'be' is what is asked")
                .noneMatch(t -> t.kind() == Question.Kind.VERB);
    }

    @Test
    void a_noun_made_a_verb_with_hada_is_a_verb_and_paired_question_words_are_no_term() {
        assertThat(reader.read("병역은 해결했어?").clauses().getFirst().terms())
                .extracting(Question.Term::surface, Question.Term::kind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("병역", Question.Kind.WORD),
                        org.assertj.core.groups.Tuple.tuple("해결", Question.Kind.VERB));
        assertThat(reader.read("when/where did he do his MSc").clauses())
                .flatExtracting(Question.Clause::terms)
                .extracting(Question.Term::surface)
                .containsExactly("MSc");
    }

    @Test
    void the_field_of_a_degree_is_a_phrase_to_find_whole() {
        assertThat(reader.read("where did she get her computer science degree")
                        .clauses()
                        .getFirst()
                        .phrases())
                .containsExactly("computer science");
        assertThat(reader.read("what was his master's degree in?")
                        .clauses()
                        .getFirst()
                        .phrases())
                .isEmpty();
    }

    @Test
    void a_capitalised_first_word_is_not_a_name() {
        assertThat(reader.read("Besides English, what languages can he speak?")
                        .clauses()
                        .getFirst()
                        .terms())
                .filteredOn(t -> t.kind() == Question.Kind.NAME)
                .extracting(Question.Term::surface)
                .containsExactly("English");
    }

    @Test
    void a_past_verb_joined_by_go_or_an_auxiliary_after_and_starts_a_clause() {
        assertThat(reader.read("정보처리기사 언제 땄고 대학 학점은 몇이야?").clauses())
                .extracting(Question.Clause::text)
                .containsExactly("정보처리기사 언제 땄", "대학 학점은 몇이야?");
        assertThat(reader.read("최고 성과 알려줘").clauses()).as("최고 is a noun").hasSize(1);
        assertThat(reader.read("where is he based and would he relocate to Seoul?")
                        .clauses())
                .hasSize(2);
    }

    @Test
    void a_confirmation_without_a_question_word_states_a_premise() {
        Question.Clause major = reader.read("컴퓨터공학 전공자시죠? 졸업은 언제?").clauses().getFirst();
        assertThat(major.confirms()).isTrue();
        assertThat(major.asks()).isFalse();
        assertThat(reader.read("He's been at Lumen since 2019, right?")
                        .clauses()
                        .getFirst()
                        .confirms())
                .isTrue();
        assertThat(reader.read("앞에서 말한 LCP 몇 초에서 몇 초로 줄였다고 했죠?").clauses().getFirst())
                .as("a figure is asked")
                .satisfies(c -> assertThat(c.confirms()).isFalse())
                .satisfies(c -> assertThat(terms(c)).doesNotContain("앞"));
    }

    @Test
    void asked_with_when_a_jobs_start_or_end_is_a_date_not_a_word() {
        assertThat(terms(reader.read("When did she start at Brightwater")
                        .clauses()
                        .getFirst()))
                .containsExactly("brightwat");
        assertThat(terms(reader.read("Why did she start at Brightwater?")
                        .clauses()
                        .getFirst()))
                .contains("start");
    }

    @Test
    void the_verb_after_how_many_or_a_plain_subject_is_a_verb() {
        assertThat(reader.read("How many databases feed into Fjord?")
                        .clauses()
                        .getFirst()
                        .terms())
                .filteredOn(t -> t.kind() == Question.Kind.VERB)
                .extracting(Question.Term::surface)
                .containsExactly("feed");
        assertThat(reader.read("how many subscribers did those models cover?")
                        .clauses()
                        .getFirst()
                        .terms())
                .filteredOn(t -> t.kind() == Question.Kind.VERB)
                .extracting(Question.Term::surface)
                .containsExactly("cover");
        assertThat(reader.read("How many team members did she lead?")
                        .clauses()
                        .getFirst()
                        .terms())
                .filteredOn(t -> t.kind() == Question.Kind.VERB)
                .extracting(Question.Term::surface)
                .containsExactly("lead");
    }

    @Test
    void a_lower_case_hyphenated_word_is_a_phrase_for_the_gate() {
        assertThat(reader.read("tell me about the jamo-fuzz library she wrote")
                        .clauses()
                        .getFirst()
                        .phrases())
                .containsExactly("jamo-fuzz");
    }
}
