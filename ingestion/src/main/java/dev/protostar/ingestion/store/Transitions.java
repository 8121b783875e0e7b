package dev.protostar.ingestion.store;

import dev.protostar.kafka.message.IngestProgress;

/**
 * Which stage may follow which in an ingestion's row. Once final, an ingestion stays as it ended: an instance
 * that lost its partition in a rebalance (or was merely slow) and reports late cannot turn a stored document
 * into {@code failed}, nor move a finished one back to {@code parsed}. Only the same outcome again (a
 * redelivery) and a new announce of a failed file (an operator put it back) pass; a deleted one never restarts.
 */
final class Transitions {

    private Transitions() {}

    static boolean allowed(String stage, String code, IngestProgress next) {
        boolean stored = IngestProgress.STORED.equals(stage);
        boolean failed = IngestProgress.FAILED.equals(stage);
        if (!stored && !failed) {
            return true;
        }
        return switch (next.stage()) {
            case IngestProgress.RECEIVED -> failed && !IngestProgress.DELETED_CODE.equals(code);
            case IngestProgress.STORED -> stored;
            case IngestProgress.FAILED ->
                failed && next.code() != null && next.code().equals(code);
            default -> false;
        };
    }
}
