package dev.protostar.chat.stream;

import dev.protostar.chat.problem.ApiProblem;

/** An SSE client's cursor: the {@code Last-Event-ID} header, or {@code ?lastEventId=} where it cannot set headers. */
public final class LastEventId {

    private LastEventId() {}

    /** The cursor, or -1 when the client has none; 400 for anything this server never sent as an id. */
    public static long parse(String header, String parameter) {
        String lastEventId = header != null ? header : parameter;
        if (lastEventId == null || lastEventId.isBlank()) {
            return -1;
        }
        try {
            long cursor = Long.parseLong(lastEventId.trim());
            if (cursor < 0) {
                throw new NumberFormatException();
            }
            return cursor;
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("Last-Event-ID must be an id this stream sent: " + lastEventId);
        }
    }
}
