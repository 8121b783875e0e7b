package dev.protostar.ingestion.store;

import dev.protostar.kafka.message.IngestProgress;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores a document version and marks its ingestion {@code stored}, in one transaction, unless the ingestion
 * ended otherwise meanwhile or a later upload of the same name is stored already. Whatever order instances
 * finish in, this ends in one defined state:
 *
 * <ul>
 *   <li>A delete wins: chat-api marks every unfinished ingestion of the deleted document's name
 *       {@code failed DELETED} in the transaction that deletes it, and a re-ingest finishing after that stores
 *       nothing ({@link Outcome#DELETED}). A file uploaded after the delete is a new document.
 *   <li>The later upload of one name wins, whichever finishes last: two uploads of one file name (first ones
 *       included) leave one document with the content of the upload made last (its ingestion row's
 *       {@code created_at}, ties by id); the earlier ends {@code failed SUPERSEDED} ({@link Outcome#SUPERSEDED}).
 *   <li>A stale owner (an instance that lost the partition in a rebalance, or was slow) finding its ingestion
 *       already ended stores nothing ({@link Outcome#ENDED}).
 * </ul>
 *
 * Locks are taken in the order chat-api's delete takes them — the ingestion row, then the document — and
 * stores of one name are serialised by an advisory lock, so two first uploads cannot both insert.
 */
@Repository
public class DocumentVersions {

    public enum Outcome {
        STORED,
        DELETED,
        SUPERSEDED,
        ENDED
    }

    /** The outcome, and the document stored (for {@link Outcome#STORED}). */
    public record Result(Outcome outcome, UUID documentId) {}

    /** The ingestion's row as the transaction found it. */
    record Own(UUID ingestionId, String stage, String code, Instant createdAt) {}

    /** The stored document of the same name: its id, and the ingestion that stored it, with when that was made. */
    record Holder(UUID documentId, UUID ingestionId, Instant createdAt) {}

    private final JdbcClient jdbc;
    private final DocumentRepository repository;
    private final TransactionTemplate transaction;

    DocumentVersions(JdbcClient jdbc, DocumentRepository repository, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.transaction = transaction;
    }

    /**
     * @param version the document to save, given its id and whether it replaces a stored one
     */
    public Result store(
            UUID ingestionId, UUID candidateId, String name, BiFunction<UUID, Boolean, StoredDocument> version) {
        return transaction.execute(tx -> {
            Own own = jdbc.sql("SELECT stage, code, created_at FROM ingestion WHERE id = ? FOR UPDATE")
                    .param(ingestionId)
                    .query((rs, n) -> new Own(
                            ingestionId,
                            rs.getString(1),
                            rs.getString(2),
                            rs.getTimestamp(3).toInstant()))
                    .optional()
                    .orElse(new Own(ingestionId, IngestProgress.RECEIVED, null, Instant.now()));
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")
                    .param(candidateId + "/" + name)
                    .query((rs, n) -> 1)
                    .list();
            Optional<Holder> holder = jdbc.sql(
                            """
                            SELECT d.id, d.ingestion_id, i.created_at FROM document d
                            LEFT JOIN ingestion i ON i.id = d.ingestion_id
                            WHERE d.candidate_id = ? AND d.name = ? FOR UPDATE OF d""")
                    .params(candidateId, name)
                    .query((rs, n) -> new Holder(
                            rs.getObject(1, UUID.class),
                            rs.getObject(2, UUID.class),
                            rs.getTimestamp(3) == null
                                    ? null
                                    : rs.getTimestamp(3).toInstant()))
                    .optional();
            Outcome outcome = decide(own, holder);
            if (outcome != Outcome.STORED) {
                return new Result(outcome, null);
            }
            UUID documentId = holder.map(Holder::documentId).orElseGet(UUID::randomUUID);
            StoredDocument saved = repository.save(version.apply(documentId, holder.isPresent()));
            jdbc.sql(
                            """
                            UPDATE ingestion SET stage = 'stored', done = ?, total = ?, reason = NULL, code = NULL,
                                document_id = ?, updated_at = now()
                            WHERE id = ?""")
                    .params(saved.chunkCount(), saved.chunkCount(), documentId, ingestionId)
                    .update();
            return new Result(Outcome.STORED, documentId);
        });
    }

    static Outcome decide(Own own, Optional<Holder> holder) {
        if (IngestProgress.FAILED.equals(own.stage())) {
            return IngestProgress.DELETED_CODE.equals(own.code()) ? Outcome.DELETED : Outcome.ENDED;
        }
        boolean heldByUs =
                holder.map(h -> own.ingestionId().equals(h.ingestionId())).orElse(false);
        if (IngestProgress.STORED.equals(own.stage()) && heldByUs) {
            return Outcome.ENDED;
        }
        if (holder.isPresent() && !heldByUs && later(holder.get(), own)) {
            return Outcome.SUPERSEDED;
        }
        return Outcome.STORED;
    }

    private static boolean later(Holder holder, Own own) {
        if (holder.createdAt() == null) {
            return false;
        }
        int byTime = holder.createdAt().compareTo(own.createdAt());
        return byTime != 0 ? byTime > 0 : holder.ingestionId().compareTo(own.ingestionId()) > 0;
    }
}
