package dev.protostar.worker.memory;

import dev.protostar.kafka.Json;
import dev.protostar.kafka.message.ChatEvent;
import dev.protostar.search.tokens.TokenCounter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Turns and summaries in PostgreSQL: the memory of every session, whichever worker answers it next. */
@Repository
public class SessionMemories implements MemoryStore {

    private final JdbcClient jdbc;
    private final MemoryProperties properties;

    SessionMemories(JdbcClient jdbc, MemoryProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /**
     * Records an answered turn and returns its place in the session. A redelivered turn keeps the place it
     * was given first: recording is idempotent by request id.
     */
    @Transactional
    public int record(
            UUID requestId,
            UUID sessionId,
            String question,
            String answer,
            boolean refused,
            List<ChatEvent.Citation> citations,
            ChatEvent.Usage usage,
            ChatEvent.Timings timings) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?::text))")
                .param(sessionId)
                .query()
                .singleRow();
        jdbc.sql(
                        """
                        INSERT INTO turn (request_id, session_id, seq, question, answer, refused, citations, tokens,
                            input_tokens, output_tokens, ttft_ms, total_ms)
                        SELECT ?, ?, coalesce(max(seq), 0) + 1, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?
                        FROM turn WHERE session_id = ?
                        ON CONFLICT (request_id) DO NOTHING""")
                .params(
                        requestId,
                        sessionId,
                        question,
                        answer,
                        refused,
                        Json.writeString(citations),
                        // What the turn costs sent back verbatim: the answer as a later prompt recalls it.
                        TokenCounter.count(question) + TokenCounter.count(RecalledAnswer.of(answer)),
                        usage.inputTokens(),
                        usage.outputTokens(),
                        timings.ttftMs(),
                        timings.totalMs(),
                        sessionId)
                .update();
        return jdbc.sql("SELECT seq FROM turn WHERE request_id = ?")
                .param(requestId)
                .query(Integer.class)
                .single();
    }

    @Override
    public Memory recall(UUID sessionId) {
        if (properties.fullHistory()) {
            return new Memory("", 0, 0, turnsAfter(sessionId, 0));
        }
        record Summary(String text, int tokens, int foldedThrough) {}
        Summary summary = jdbc.sql(
                        "SELECT summary, summary_tokens, folded_through FROM session_memory WHERE session_id = ?")
                .param(sessionId)
                .query((rs, n) -> new Summary(rs.getString(1), rs.getInt(2), rs.getInt(3)))
                .optional()
                .orElse(new Summary("", 0, 0));
        return new Memory(
                summary.text(),
                summary.tokens(),
                summary.foldedThrough(),
                turnsAfter(sessionId, summary.foldedThrough()));
    }

    /** The session's turns after {@code seq}, oldest first. */
    List<Turn> turnsAfter(UUID sessionId, int seq) {
        return jdbc.sql(
                        """
                        SELECT seq, question, answer, refused, tokens FROM turn
                        WHERE session_id = ? AND seq > ? ORDER BY seq""")
                .params(sessionId, seq)
                .query((rs, n) ->
                        new Turn(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getInt(5)))
                .list();
    }

    /**
     * Stores a summary that now holds every turn through {@code foldedThrough}, if nobody stored another since
     * this one was computed from the summary through {@code expected}. Returns whether it was stored.
     */
    boolean saveSummary(UUID sessionId, String summary, int expected, int foldedThrough) {
        int tokens = TokenCounter.count(summary);
        if (expected == 0) {
            return jdbc.sql(
                                    """
                                    INSERT INTO session_memory (session_id, summary, summary_tokens, folded_through)
                                    VALUES (?, ?, ?, ?) ON CONFLICT (session_id) DO NOTHING""")
                            .params(sessionId, summary, tokens, foldedThrough)
                            .update()
                    > 0;
        }
        return jdbc.sql(
                                """
                                UPDATE session_memory SET summary = ?, summary_tokens = ?, folded_through = ?,
                                    updated_at = now()
                                WHERE session_id = ? AND folded_through = ?""")
                        .params(summary, tokens, foldedThrough, sessionId, expected)
                        .update()
                > 0;
    }

    Optional<Integer> foldedThrough(UUID sessionId) {
        return jdbc.sql("SELECT folded_through FROM session_memory WHERE session_id = ?")
                .param(sessionId)
                .query(Integer.class)
                .optional();
    }
}
