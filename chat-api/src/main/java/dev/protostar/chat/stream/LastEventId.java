package dev.protostar.chat.stream;

import dev.protostar.chat.problem.ApiProblem;

/** An SSE client's cursor: the {@code Last-Event-ID} header, or {@code ?lastEventId=} where it cannot set headers. */
public final class LastEventId {

    private LastEventId() {}

    /**
     * The cursor, or -1 when the client has none. Garbage — not a decimal number, negative, or past a long — is
     * 400: a browser's EventSource only sends ids it received, so it comes from a client bug that an answer
     * should name rather than hide. A well-formed id is never refused: an old one gets the session's latest turn
     * from its start, one from the future waits briefly and then means "up to date" (see AnswerHub#subscribe);
     * neither costs more than the turn held in memory.
     */
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
