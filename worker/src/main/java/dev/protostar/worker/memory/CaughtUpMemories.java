package dev.protostar.worker.memory;

import dev.protostar.search.tokens.TokenCounter;
import java.util.List;
import java.util.UUID;

/**
 * The memory a turn is answered from, caught up with its fold: turns that no longer fit the verbatim budget
 * but that the asynchronous fold has not reached yet (a busy broker, a slow model) are read as the extractive
 * lines the fold writes offline, not sent verbatim, so a lagging fold costs the prompt nothing. Nothing is
 * stored here: the fold still writes the summary, with the model when there is one.
 */
final class CaughtUpMemories implements MemoryStore {

    private final MemoryStore memories;
    private final Summarizer extractive;
    private final MemoryProperties properties;

    CaughtUpMemories(MemoryStore memories, Summarizer extractive, MemoryProperties properties) {
        this.memories = memories;
        this.extractive = extractive;
        this.properties = properties;
    }

    @Override
    public Memory recall(UUID sessionId) {
        Memory memory = memories.recall(sessionId);
        if (properties.fullHistory()) {
            return memory;
        }
        List<Turn> pending = MemoryFolder.overflow(memory.recent(), properties);
        if (pending.isEmpty()) {
            return memory;
        }
        String summary = extractive.fold(memory.summary(), pending);
        return new Memory(
                summary,
                TokenCounter.count(summary),
                pending.getLast().seq(),
                memory.recent().subList(pending.size(), memory.recent().size()));
    }
}
