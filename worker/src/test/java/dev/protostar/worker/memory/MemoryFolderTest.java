package dev.protostar.worker.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryFolderTest {

    private static Turn turn(int seq, int tokens) {
        return new Turn(seq, "q", "a", false, tokens);
    }

    @Test
    void the_newest_turns_that_fit_stay_verbatim_and_the_rest_is_folded() {
        var properties = new MemoryProperties(400, 1, 600, false);
        List<Turn> turns = List.of(turn(1, 300), turn(2, 150), turn(3, 150), turn(4, 200));
        assertThat(MemoryFolder.overflow(turns, properties))
                .extracting(Turn::seq)
                .containsExactly(1, 2);
    }

    @Test
    void the_last_turn_stays_verbatim_however_long() {
        var properties = new MemoryProperties(400, 1, 600, false);
        assertThat(MemoryFolder.overflow(List.of(turn(1, 100), turn(2, 900)), properties))
                .extracting(Turn::seq)
                .containsExactly(1);
        assertThat(MemoryFolder.overflow(List.of(turn(1, 900)), properties)).isEmpty();
    }
}
