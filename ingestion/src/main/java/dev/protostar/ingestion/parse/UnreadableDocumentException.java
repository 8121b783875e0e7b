package dev.protostar.ingestion.parse;

/**
 * A file that will not become chunks, whatever is retried: the reason is for a person ("The PDF is
 * password-protected; upload a copy without a password."), the code for programs.
 */
public class UnreadableDocumentException extends Exception {

    /** Stable codes, as they appear in {@code failed} events. */
    public enum Code {
        EMPTY,
        TOO_LARGE,
        UNSUPPORTED_TYPE,
        TYPE_MISMATCH,
        ENCRYPTED,
        NO_TEXT,
        DECOMPRESSION_BOMB,
        CORRUPT,
        /** Dropped under {@code inbox/{candidateId}/} with no such candidate: not the file's fault, but final. */
        NO_CANDIDATE
    }

    private final Code code;

    public UnreadableDocumentException(Code code, String reason) {
        super(reason);
        this.code = code;
    }

    public UnreadableDocumentException(Code code, String reason, Throwable cause) {
        super(reason, cause);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
