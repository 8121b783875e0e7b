package dev.protostar.search.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class OnnxEmbedderTest {

    private final OnnxEmbedder embedder = new OnnxEmbedder();

    @Test
    void our_single_threaded_session_embeds_as_langchain4j_own_model_does() {
        List<String> texts = List.of(
                OnnxEmbedder.QUERY_INSTRUCTION + "What did she build at her last company?",
                "Led a team of 12 engineers building the payments platform at Toss (2019–2023).",
                "김지우는 카카오에서 5년 동안 검색 플랫폼을 만들었다.");
        var stock = new BgeSmallEnV15QuantizedEmbeddingModel();
        List<float[]> ours = embedder.embed(texts);
        for (int i = 0; i < texts.size(); i++) {
            float[] theirs =
                    stock.embed(TextSegment.from(texts.get(i))).content().vector();
            assertThat(ours.get(i)).hasSize(384);
            assertThat(Embedder.cosine(ours.get(i), theirs)).as(texts.get(i)).isCloseTo(1.0, within(1e-4));
        }
    }

    @Test
    void a_question_is_nearer_the_passage_that_answers_it_than_another() {
        float[] question = embedder.embedQuery("Which database did he migrate to?");
        List<float[]> passages = embedder.embed(List.of(
                "Migrated the order service from MySQL to PostgreSQL with zero downtime.",
                "Enjoys hiking and photography on weekends."));
        assertThat(Embedder.cosine(question, passages.get(0)))
                .isGreaterThan(Embedder.cosine(question, passages.get(1)));
    }
}
