package dev.protostar.worker.memory;

import dev.protostar.kafka.Json;
import dev.protostar.kafka.message.MemoryUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * After each turn: if the session's turns outside its summary no longer fit the verbatim budget, the oldest
 * of them are folded into the summary — the summary so far plus those turns, never the whole history — and
 * stored only if no other fold got there first. Keyed by session, so one session's folds happen in order.
 */
@Component
class MemoryFolder implements Processor {

    private static final Logger log = LoggerFactory.getLogger(MemoryFolder.class);

    private final SessionMemories memories;
    private final Summarizer summarizer;
    private final MemoryProperties properties;

    MemoryFolder(SessionMemories memories, Summarizer summarizer, MemoryProperties properties) {
        this.memories = memories;
        this.summarizer = summarizer;
        this.properties = properties;
    }

    @Override
    public void process(Exchange exchange) {
        if (properties.fullHistory()) {
            return;
        }
        MemoryUpdate update = Json.read(exchange.getMessage().getBody(byte[].class), MemoryUpdate.class);
        UUID sessionId = UUID.fromString(update.sessionId());
        Memory memory = memories.recall(sessionId);
        List<Turn> toFold = overflow(memory.recent(), properties);
        if (toFold.isEmpty()) {
            return;
        }
        String summary = summarizer.fold(memory.summary(), toFold);
        int through = toFold.getLast().seq();
        if (memories.saveSummary(sessionId, summary, memory.foldedThrough(), through)) {
            log.info(
                    "Session {}: turns {}-{} folded into its summary",
                    sessionId,
                    toFold.getFirst().seq(),
                    through);
        } else {
            log.info("Session {}: another fold got there first; nothing stored", sessionId);
        }
    }

    /**
     * The oldest turns that do not fit the verbatim budget: the newest are kept while they fit (at least
     * {@code keepTurns} of them), the rest folded.
     */
    static List<Turn> overflow(List<Turn> turns, MemoryProperties properties) {
        int kept = 0;
        int tokens = 0;
        for (int i = turns.size() - 1; i >= 0; i--) {
            tokens += turns.get(i).tokens();
            if (kept >= properties.keepTurns() && tokens > properties.recentTokens()) {
                break;
            }
            kept++;
        }
        return new ArrayList<>(turns.subList(0, turns.size() - kept));
    }
}
