package dev.protostar.worker.retrieve;

import java.util.UUID;

/**
 * A chunk found for a question, with what each leg thought of it.
 *
 * @param ocr the chunk's text was recognised from a scan (OCR), so it may hold misread characters
 * @param vectorScore cosine similarity to the question (0 if the vector leg did not return it)
 * @param vectorRank its rank in the vector leg, from 1; 0 if absent
 * @param keywordScore its keyword rank score (ts_rank), 0 if the keyword leg did not return it
 * @param keywordRank its rank in the keyword leg, from 1; 0 if absent
 * @param fused the reciprocal-rank fusion of both: the order of the results (never a relevance threshold:
 *     it is at most about 0.033)
 */
public record Hit(
        UUID chunkId,
        UUID documentId,
        String title,
        String section,
        String location,
        String text,
        boolean ocr,
        double vectorScore,
        int vectorRank,
        double keywordScore,
        int keywordRank,
        double fused) {

    /** A chunk whose text was taken from its file, not recognised from a scan. */
    public Hit(
            UUID chunkId,
            UUID documentId,
            String title,
            String section,
            String location,
            String text,
            double vectorScore,
            int vectorRank,
            double keywordScore,
            int keywordRank,
            double fused) {
        this(
                chunkId,
                documentId,
                title,
                section,
                location,
                text,
                false,
                vectorScore,
                vectorRank,
                keywordScore,
                keywordRank,
                fused);
    }

    Hit withFused(double score) {
        return new Hit(
                chunkId,
                documentId,
                title,
                section,
                location,
                text,
                ocr,
                vectorScore,
                vectorRank,
                keywordScore,
                keywordRank,
                score);
    }
}
