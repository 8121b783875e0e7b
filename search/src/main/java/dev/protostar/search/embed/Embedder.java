package dev.protostar.search.embed;

import java.util.List;

/**
 * Turns text into vectors of {@link #DIMENSIONS} floats, the size of the store's {@code chunk.embedding}
 * column. Ingestion embeds passages, the worker embeds questions; both must use the same model.
 */
public interface Embedder {

    /** The vector size every embedder produces: the column is {@code vector(384)}. */
    int DIMENSIONS = 384;

    /** One vector per passage, in order. */
    List<float[]> embed(List<String> passages);

    /** A search query's vector; models trained with a query instruction override this to add it. */
    default float[] embedQuery(String query) {
        return embed(List.of(query)).getFirst();
    }

    /** Cosine similarity of two vectors of equal length. */
    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            normA += a[i] * a[i];
            normB += b[i] * b[i];
        }
        return normA == 0 || normB == 0 ? 0 : dot / Math.sqrt(normA * normB);
    }
}
