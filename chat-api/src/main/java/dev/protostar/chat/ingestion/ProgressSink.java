package dev.protostar.chat.ingestion;

import java.io.IOException;

/** Where one client's progress events go (the SSE stream; a recording sink in tests). */
interface ProgressSink {

    void send(Progress progress) throws IOException;

    /** Nothing happened for a while: keep the connection alive. */
    void heartbeat() throws IOException;

    /** The stream is over: a final event was sent, the client went away, or it was too slow. */
    void close();
}
