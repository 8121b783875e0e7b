package dev.protostar.loadtest.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes OpenAI's server-sent events: {@code data: <json>} and a blank line per chunk, {@code data: [DONE]}
 * at the end. Each event is one write and a flush, so it leaves as its own HTTP chunk the moment it is
 * due. An {@link IOException} from here means the client has gone.
 */
final class SseWriter {

    private static final byte[] PREFIX = "data: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);

    private final OutputStream out;
    private final ObjectMapper json;

    SseWriter(OutputStream out, ObjectMapper json) {
        this.out = out;
        this.json = json;
    }

    void send(JsonNode chunk) throws IOException {
        byte[] body = json.writeValueAsBytes(chunk);
        byte[] event = new byte[PREFIX.length + body.length + END.length];
        System.arraycopy(PREFIX, 0, event, 0, PREFIX.length);
        System.arraycopy(body, 0, event, PREFIX.length, body.length);
        System.arraycopy(END, 0, event, PREFIX.length + body.length, END.length);
        write(event);
    }

    void done() throws IOException {
        write(DONE);
    }

    private void write(byte[] event) throws IOException {
        out.write(event);
        out.flush();
    }
}
