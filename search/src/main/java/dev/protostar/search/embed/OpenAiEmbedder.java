package dev.protostar.search.embed;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import java.util.List;

/**
 * Any OpenAI-compatible {@code /embeddings} endpoint (OpenAI, vLLM, Ollama, a TEI server), asked for
 * {@link Embedder#DIMENSIONS} dimensions. A model that answers with another size is refused at once:
 * its vectors could not be compared with the stored ones.
 */
public final class OpenAiEmbedder implements Embedder {

    private final OpenAiEmbeddingModel model;

    public OpenAiEmbedder(EmbeddingProperties properties) {
        this.model = OpenAiEmbeddingModel.builder()
                .baseUrl(properties.baseUrl())
                .apiKey(properties.apiKey())
                .modelName(properties.model())
                .dimensions(DIMENSIONS)
                .maxSegmentsPerBatch(properties.batchSize())
                .build();
    }

    @Override
    public List<float[]> embed(List<String> passages) {
        if (passages.isEmpty()) {
            return List.of();
        }
        List<float[]> vectors = model
                .embedAll(passages.stream().map(TextSegment::from).toList())
                .content()
                .stream()
                .map(Embedding::vector)
                .toList();
        for (float[] vector : vectors) {
            if (vector.length != DIMENSIONS) {
                throw new IllegalStateException("The embedding endpoint answered " + vector.length
                        + " dimensions; the store holds " + DIMENSIONS
                        + ". Choose a model that can return " + DIMENSIONS + " (e.g. text-embedding-3-small).");
            }
        }
        return vectors;
    }
}
