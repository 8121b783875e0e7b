package dev.protostar.ingestion.parse;

import static dev.protostar.ingestion.parse.Documents.PARSER;
import static dev.protostar.ingestion.parse.Documents.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Damaged copies of every fixture — bytes overwritten, cut short, zeroed — either read or are refused: nothing
 * else leaves the parser. Seeded, so a failure names a file that can be made again.
 */
class DamagedFilesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "resume-ko.pdf",
                "resume-en.pdf",
                "resume-ko.docx",
                "resume-ko.hwp",
                "resume-ko.html",
                "resume-en.md",
                "resume-en.json",
                "resume-ko-cp949.txt"
            })
    void a_damaged_file_is_read_or_refused_never_thrown(String name) {
        byte[] original = bytes(name);
        var random = new Random(name.hashCode());
        for (int i = 0; i < 12; i++) {
            byte[] damaged = damage(original, i % 3, random);
            try {
                Documents.assertWellFormed(PARSER.parse(name, damaged));
            } catch (UnreadableDocumentException refused) {
                assertThat(refused.getMessage()).as("%s damage #%d", name, i).doesNotContain("Exception");
            }
        }
    }

    private static byte[] damage(byte[] original, int how, Random random) {
        byte[] copy = original.clone();
        switch (how) {
            case 0 -> {
                for (int k = 0; k < 1 + random.nextInt(20); k++) {
                    copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
                }
            }
            case 1 -> copy = Arrays.copyOf(copy, random.nextInt(copy.length));
            default -> {
                int start = random.nextInt(copy.length);
                Arrays.fill(copy, start, Math.min(copy.length, start + random.nextInt(500)), (byte) 0);
            }
        }
        return copy;
    }
}
