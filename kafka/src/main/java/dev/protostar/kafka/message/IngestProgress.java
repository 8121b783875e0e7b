package dev.protostar.kafka.message;

/**
 * Progress of one ingestion on {@code ingest-progress}, keyed by ingestion id. {@code stage} is one of
 * received, parsed, chunked, embedded, stored (final) or failed (final, with a reason).
 */
public record IngestProgress(String ingestionId, String documentId, String stage, int done, int total, String reason) {

    public boolean isFinal() {
        return "stored".equals(stage) || "failed".equals(stage);
    }
}
