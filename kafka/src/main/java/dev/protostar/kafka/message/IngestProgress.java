package dev.protostar.kafka.message;

/**
 * Progress of one ingestion on {@code ingest-progress}, keyed by ingestion id. {@code stage} is one of
 * received, parsed, chunked, embedded ({@code done} of {@code total} chunks), stored (final) or failed
 * (final, with a {@code reason} meant for a person).
 */
public record IngestProgress(String ingestionId, String documentId, String stage, int done, int total, String reason) {

    public static final String RECEIVED = "received";
    public static final String PARSED = "parsed";
    public static final String CHUNKED = "chunked";
    public static final String EMBEDDED = "embedded";
    public static final String STORED = "stored";
    public static final String FAILED = "failed";

    public boolean isFinal() {
        return STORED.equals(stage) || FAILED.equals(stage);
    }
}
