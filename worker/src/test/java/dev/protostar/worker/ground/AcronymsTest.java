package dev.protostar.worker.ground;

import static org.assertj.core.api.Assertions.assertThat;

import dev.protostar.search.keyword.KeywordAnalyzer;
import dev.protostar.worker.retrieve.Glossary;
import java.util.List;
import org.junit.jupiter.api.Test;

class AcronymsTest {

    private static final KeywordAnalyzer ANALYZER = new KeywordAnalyzer();

    private static final Acronyms DOCUMENTS = Acronyms.of(
            List.of(
                    "- Built a vulnerability pipeline; mean time to remediate critical findings dropped from 21 days to 6",
                    "Certifications\n- Certified Scrum Product Owner (CSPO) — 2019\n- 4 hours per month on call",
                    "Worked with AWS (Amazon Web Services) daily"),
            ANALYZER);

    @Test
    void an_initialism_matches_the_words_the_documents_spell_it_out_with() {
        assertThat(DOCUMENTS.spelledOut("MTTR")).contains("remedi");
        assertThat(DOCUMENTS.spelledOut("PO")).contains("product", "owner");
    }

    @Test
    void not_an_initialism_the_documents_use_nor_one_made_of_short_words() {
        assertThat(DOCUMENTS.spelledOut("AWS")).as("written as it is").isEmpty();
        assertThat(DOCUMENTS.spelledOut("PM")).as("'per month' is no PM").isEmpty();
        assertThat(DOCUMENTS.spelledOut("SLO")).isEmpty();
        assertThat(DOCUMENTS.spelledOut("Scrum")).isEmpty();
    }

    @Test
    void a_question_term_gains_the_spelled_out_words() {
        QuestionReader reader = new QuestionReader(ANALYZER, new Glossary(ANALYZER));
        Question question = DOCUMENTS.spelledOut(reader.read("any MTTR numbers for critical vulns?"));
        assertThat(question.clauses().getFirst().terms())
                .filteredOn(term -> term.surface().equals("MTTR"))
                .singleElement()
                .satisfies(term -> assertThat(term.forms()).contains("remedi"));
        Acronyms unreal = Acronyms.of(List.of("엔진: Unreal Engine, Unity"), ANALYZER);
        assertThat(unreal.spelledOut(reader.read("UE5 경험 있는지"))
                        .clauses()
                        .getFirst()
                        .terms())
                .as("a version of it, not the initialism")
                .allSatisfy(term -> assertThat(term.forms()).doesNotContain("unreal"));
    }
}
