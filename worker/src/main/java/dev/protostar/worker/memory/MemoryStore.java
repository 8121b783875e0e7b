package dev.protostar.worker.memory;

import java.util.UUID;

/** Where a session's memory lives. The seam between answering and however memory is kept. */
public interface MemoryStore {

    /** The session's memory now: its summary and the turns not folded into it. */
    Memory recall(UUID sessionId);
}
