package dev.protostar.kafka.message;

/**
 * Progress of one ingestion on {@code ingest-progress}, keyed by ingestion id. {@code stage} is one of
 * received, parsed (for a scan read by OCR, once per page: {@code done} of {@code total} pages, from 0),
 * chunked, embedded ({@code done} of {@code total} chunks), stored (final) or failed
 * (final, with a {@code reason} meant for a person and a stable {@code code} for programs, e.g.
 * {@code ENCRYPTED}). A {@code stored} event with a reason says why nothing changed (the same file again).
 */
public record IngestProgress(
        String ingestionId, String documentId, String stage, int done, int total, String reason, String code) {

    public static IngestProgress of(String ingestionId, String documentId, String stage, int done, int total) {
        return new IngestProgress(ingestionId, documentId, stage, done, total, null, null);
    }

    public static IngestProgress failed(String ingestionId, String code, String reason) {
        return new IngestProgress(ingestionId, null, FAILED, 0, 0, reason, code);
    }

    public static final String RECEIVED = "received";
    public static final String PARSED = "parsed";
    public static final String CHUNKED = "chunked";
    public static final String EMBEDDED = "embedded";
    public static final String STORED = "stored";
    public static final String FAILED = "failed";

    /** The document was deleted while this ingestion ran: a delete wins, nothing of it is stored. */
    public static final String DELETED_CODE = "DELETED";

    /** A later upload of the same file name was stored: the later one wins, this one stored nothing. */
    public static final String SUPERSEDED_CODE = "SUPERSEDED";

    public boolean isFinal() {
        return STORED.equals(stage) || FAILED.equals(stage);
    }
}
