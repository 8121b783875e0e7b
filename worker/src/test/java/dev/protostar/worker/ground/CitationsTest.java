package dev.protostar.worker.ground;

import static dev.protostar.worker.ground.Hits.hit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.protostar.kafka.message.ChatEvent;
import dev.protostar.worker.retrieve.Hit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CitationsTest {

    @Test
    void lists_each_cited_source_once_with_the_quoted_sentence() {
        List<Hit> sources =
                List.of(hit("경력 > 한빛페이", "결제 API를 초당 12,000건 처리하도록 개선했습니다. 장애를 줄였습니다."), hit("학력", "한양대학교 졸업"));
        var citations = Citations.of("- 한빛페이: 결제 API를 초당 12,000건 처리하도록 개선했습니다. [1]\n- 학력: 한양대학교 졸업 [2] [1]", sources);
        assertThat(citations).extracting(ChatEvent.Citation::n).containsExactly(1, 2);
        assertThat(citations.getFirst().snippet()).isEqualTo("결제 API를 초당 12,000건 처리하도록 개선했습니다.");
        assertThat(citations.getFirst().section()).isEqualTo("경력 > 한빛페이");
        assertThat(citations.getFirst().chunkId())
                .isEqualTo(sources.getFirst().chunkId().toString());
    }

    @Test
    void says_which_sources_were_recognised_from_a_scan() {
        Hit text = hit("경력", "결제 API를 개선했습니다.");
        Hit scan = new Hit(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "이력서",
                "경력",
                "page 1",
                "초당 12,000건으로 높였습니다.",
                true,
                0.5,
                1,
                0.1,
                1,
                0.03);

        var citations = Citations.of("개선했습니다 [1]. 초당 12,000건 [2].", List.of(text, scan));

        assertThat(citations).extracting(ChatEvent.Citation::ocr).containsExactly(false, true);
    }

    @Test
    void ignores_marks_that_name_no_source() {
        assertThat(Citations.of("Something [7].", List.of(hit("A", "a")))).isEmpty();
    }
}
