package dev.protostar.loadtest.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordFileTest {

    @TempDir
    Path dir;

    @Test
    void turns_survive_a_round_trip_with_their_original_timestamps() throws IOException {
        List<RecordedTurn> turns = List.of(
                ReplayPlanTest.turn("s1", 0, 3, 41, "연봉 협상 경험은?"),
                ReplayPlanTest.turn("s2", 1_500, 9, 7, "What did she \"build\"?\nAnd where?"));
        Path file = dir.resolve("nested/window.jsonl");

        RecordFile.write(file, turns);

        assertThat(RecordFile.read(file)).isEqualTo(turns);
    }

    @Test
    void the_file_is_one_json_object_a_line_with_an_iso_timestamp() throws IOException {
        Path file = dir.resolve("window.jsonl");
        RecordFile.write(
                file,
                List.of(ReplayPlanTest.turn("s1", 250, 3, 41, "q1"), ReplayPlanTest.turn("s1", 500, 3, 42, "q2")));

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);

        assertThat(lines).hasSize(2);
        assertThat(lines.getFirst())
                .startsWith("{\"timestamp\":\"2026-11-25T10:00:00.250Z\",\"partition\":3,\"offset\":41,\"request\":{")
                .contains("\"sessionId\":\"s1\"", "\"priority\":\"INTERACTIVE\"", "\"text\":\"q1\"");
    }

    @Test
    void blank_lines_are_skipped_and_a_broken_line_is_named() throws IOException {
        Path file = dir.resolve("window.jsonl");
        RecordFile.write(file, List.of(ReplayPlanTest.turn("s1", 0, 0, 0, "q")));
        Files.writeString(file, Files.readString(file) + "\n\nnot json\n");

        assertThatThrownBy(() -> RecordFile.read(file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("line 4");

        Files.writeString(file, Files.readString(file).replace("not json\n", ""));
        assertThat(RecordFile.read(file)).hasSize(1);
    }
}
