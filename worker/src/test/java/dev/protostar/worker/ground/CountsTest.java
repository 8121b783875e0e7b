package dev.protostar.worker.ground;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CountsTest {

    private final Counts counts = Counts.of(CandidateProfiles.lines(List.of(
            "Work History\nLaunched the bug bounty: 126 valid reports in the first year; $84K paid out in bounties",
            "Experience\nLead a team of 7 data engineers over 4 years",
            "Lead a test team of 4 engineers and 2 technicians. Wrote 140+ verification test procedures.")));

    @Test
    void another_count_of_a_thing_the_documents_count_is_a_false_premise() {
        assertThat(counts.contradicted(
                        "nwosu's bug bounty got like 300 valid reports in yr one?? how'd she triage all that"))
                .contains("300 valid reports");
    }

    @Test
    void the_same_count_hedged_a_thing_not_counted_or_a_length_is_no_contradiction() {
        assertThat(counts.contradicted("she got about 120 valid reports, right?"))
                .isEmpty();
        assertThat(counts.contradicted("how did she handle 300 duplicate submissions?"))
                .isEmpty();
        assertThat(counts.contradicted("so she led 7 data engineers for 6 years?"))
                .isEmpty();
        assertThat(counts.contradicted("how many valid reports came in?")).isEmpty();
    }

    @Test
    void a_count_of_a_kind_the_documents_name_and_a_team_of_another_size_are_false_premises() {
        assertThat(counts.contradicted("he wrote about 40 test procedures at brightline?"))
                .contains("40 test procedures");
        assertThat(counts.contradicted("he's been leading a team of 10 at corvane right?"))
                .contains("team of 10");
        assertThat(counts.contradicted("so he leads a team of 6?"))
                .as("four engineers and two technicians are a team of six")
                .isEmpty();
        assertThat(counts.contradicted("a team of 7, right?")).isEmpty();
    }
}
