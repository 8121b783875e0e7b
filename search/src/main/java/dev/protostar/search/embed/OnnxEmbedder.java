package dev.protostar.search.embed;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.util.List;

/**
 * BAAI bge-small-en-v1.5 (quantized ONNX, 384 dimensions), run in this JVM from langchain4j's package:
 * nothing to download, nothing to run beside us. It is an English model: Korean text reaches it mostly as
 * unknown tokens, which is why retrieval fuses it with the Korean-aware keyword leg.
 */
public final class OnnxEmbedder implements Embedder {

    /** bge's instruction for short queries against passages (its model card's retrieval recipe). */
    static final String QUERY_INSTRUCTION = "Represent this sentence for searching relevant passages: ";

    private final EmbeddingModel model;

    public OnnxEmbedder() {
        this(new BgeSmallEnV15QuantizedEmbeddingModel());
    }

    OnnxEmbedder(EmbeddingModel model) {
        this.model = model;
    }

    @Override
    public List<float[]> embed(List<String> passages) {
        if (passages.isEmpty()) {
            return List.of();
        }
        return model.embedAll(passages.stream().map(TextSegment::from).toList()).content().stream()
                .map(Embedding::vector)
                .toList();
    }

    @Override
    public float[] embedQuery(String query) {
        return embed(List.of(QUERY_INSTRUCTION + query)).getFirst();
    }
}
