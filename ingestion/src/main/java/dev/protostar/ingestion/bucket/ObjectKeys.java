package dev.protostar.ingestion.bucket;

import java.util.Optional;
import java.util.UUID;

/**
 * The bucket's layout: new files under {@code inbox/{candidateId}/…}, ingested originals under
 * {@code archive/…}, refused ones under {@code failed/…}, each keeping the rest of its key. A document's
 * name is the last segment of its key (uploads are {@code inbox/{candidateId}/{ingestionId}/{name}}).
 */
public final class ObjectKeys {

    public static final String INBOX = "inbox/";
    static final String ARCHIVE = "archive/";
    static final String FAILED = "failed/";

    private ObjectKeys() {}

    /** The candidate a dropped key names, if its first segment below {@code inbox/} is a candidate id. */
    public static Optional<UUID> candidateId(String key) {
        String rest = belowInbox(key);
        int slash = rest.indexOf('/');
        if (slash <= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(rest.substring(0, slash)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The document's name: the key's last segment. */
    public static String fileName(String key) {
        return key.substring(key.lastIndexOf('/') + 1);
    }

    public static String archived(String key) {
        return ARCHIVE + belowInbox(key);
    }

    public static String failed(String key) {
        return FAILED + belowInbox(key);
    }

    /** Folder placeholders (keys ending in '/') that some stores list: nothing to ingest. */
    public static boolean isFolder(String key) {
        return key.endsWith("/");
    }

    private static String belowInbox(String key) {
        return key.startsWith(INBOX) ? key.substring(INBOX.length()) : key;
    }
}
