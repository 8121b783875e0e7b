package dev.protostar.chat.stream;

import dev.protostar.chat.problem.ApiProblem;

/** An SSE client's cursor: the {@code Last-Event-ID} header, or {@code ?lastEventId=} where it cannot set headers. */
public final class LastEventId {

    /** No cursor: the client joins at the live edge. */
    public static final long NONE = Long.MIN_VALUE;

    /** The cursor before every event: the session's latest turn from its start, as a late client needs it. */
    public static final long BEFORE_ALL = -1;

    private LastEventId() {}

    /**
     * The cursor, or {@link #NONE} when the client has none. {@code -1} ({@link #BEFORE_ALL}, what a message's 202 names
     * when this instance holds no event of the session yet) asks for the latest turn from its start. Garbage — not a
     * decimal number, below -1, or past a long — is 400: a browser's EventSource only sends ids it received, so it
     * comes from a client bug that an answer should name rather than hide. A well-formed id is never refused: an old
     * one gets the session's latest turn from its start, one from the future waits briefly and then means "up to
     * date" (see AnswerHub#subscribe); neither costs more than the turn held in memory.
     */
    public static long parse(String header, String parameter) {
        String lastEventId = header != null ? header : parameter;
        if (lastEventId == null || lastEventId.isBlank()) {
            return NONE;
        }
        try {
            long cursor = Long.parseLong(lastEventId.trim());
            if (cursor < BEFORE_ALL) {
                throw new NumberFormatException();
            }
            return cursor;
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("Last-Event-ID must be an id this stream sent: " + lastEventId);
        }
    }
}
