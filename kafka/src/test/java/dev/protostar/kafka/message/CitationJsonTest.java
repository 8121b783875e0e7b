package dev.protostar.kafka.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.protostar.kafka.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The citation's {@code ocr} field was added later: old and new workers and clients still read each other. */
class CitationJsonTest {

    @Test
    void a_citation_of_scanned_text_says_ocr() {
        var event = new ChatEvent.Citations(
                "r1", 3, List.of(new ChatEvent.Citation(1, "d1", "이력서", "경력", "초당 12,000건", "c1", true)));

        String json = Json.writeString(event);

        assertThat(json).contains("\"ocr\":true");
        assertThat(Json.read(json.getBytes(StandardCharsets.UTF_8), ChatEvent.class))
                .isEqualTo(event);
    }

    @Test
    void a_citation_from_a_worker_that_sends_no_ocr_reads_as_not_ocr() {
        String older =
                """
                {"type":"citations","requestId":"r1","seq":3,"citations":[
                  {"n":1,"documentId":"d1","title":"이력서","section":"경력","snippet":"초당 12,000건","chunkId":"c1"}]}""";

        var event = (ChatEvent.Citations) Json.read(older.getBytes(StandardCharsets.UTF_8), ChatEvent.class);

        assertThat(event.citations()).singleElement().satisfies(c -> {
            assertThat(c.ocr()).isFalse();
            assertThat(c.snippet()).isEqualTo("초당 12,000건");
        });
    }

    @Test
    void a_reader_without_the_field_ignores_it() throws Exception {
        record OlderCitation(int n, String documentId, String title, String section, String snippet, String chunkId) {}
        byte[] newer = Json.write(new ChatEvent.Citation(1, "d1", "이력서", "경력", "초당 12,000건", "c1", true));

        var read = Json.MAPPER.readValue(newer, OlderCitation.class);

        assertThat(read.chunkId()).isEqualTo("c1");
    }
}
