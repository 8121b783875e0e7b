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
        Question question = reader.read("How did her 5 years at Naver go?");
        assertThat(question.clauses().getFirst().terms())
                .extracting(Question.Term::surface, Question.Term::kind)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("5", Question.Kind.NUMBER),
                        org.assertj.core.groups.Tuple.tuple("Naver", Question.Kind.NAME));
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
    }

    @Test
    void korean_question_words_are_not_terms() {
        Question question = reader.read("지원자는 어떤 회사에서 몇 년 일했나요?");
        assertThat(question.language()).isEqualTo(Language.KOREAN);
        assertThat(terms(question.clauses().getFirst())).contains("회사").doesNotContain("지원자", "어떤");
    }

    @Test
    void terms_bring_their_glossary_equivalents() {
        Question question = reader.read("How many people did she manage?");
        assertThat(question.searchTerms()).contains("manag", "리드", "led", "명");
    }

    private static List<String> terms(Question.Clause clause) {
        return clause.terms().stream().map(Question.Term::text).toList();
    }
}
