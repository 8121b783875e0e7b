package dev.protostar.loadtest.replay;

import dev.protostar.kafka.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A recorded window as JSON lines, one {@link RecordedTurn} a line, oldest first: readable with jq and grep. */
public final class RecordFile {

    private RecordFile() {}

    public static void write(Path file, List<RecordedTurn> turns) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (RecordedTurn turn : turns) {
                out.write(Json.writeString(turn));
                out.newLine();
            }
        }
    }

    /** Blank lines are skipped; a malformed line fails the read, naming its line number. */
    public static List<RecordedTurn> read(Path file) throws IOException {
        List<RecordedTurn> turns = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                turns.add(Json.MAPPER.readValue(line, RecordedTurn.class));
            } catch (IOException e) {
                throw new IOException(file + " line " + (i + 1) + " is not a recorded turn: " + abbreviate(line), e);
            }
        }
        return turns;
    }

    private static String abbreviate(String line) {
        return line.length() <= 120 ? line : line.substring(0, 120) + "…";
    }
}
