package dev.protostar.loadtest.bench;

/**
 * What became of one offered turn, as its client saw it. Times are nanoseconds; {@code offeredAt} counts from
 * the start of the run, the others from the moment the client sent the POST.
 *
 * @param priority interactive, bulk or replay (the {@code Protostar-Priority} it was sent with)
 * @param offeredAt when it arrived
 * @param status the POST's HTTP status, 0 when the request itself failed
 * @param replyNanos how long the POST took to answer (for a refusal: the rejection's latency)
 * @param ttftNanos to the first delta on the session's stream, -1 if none came
 * @param totalNanos to the turn's done or error, -1 if neither came
 * @param outcome what it came to
 * @param code the refusing gate, or the error event's code
 * @param workerTtftMillis the {@code done} event's own {@code timings.ttftMs}: from the turn's arrival at the
 *     intake to its first token at the worker (model included), -1 without a {@code done}
 */
record Turn(
        String priority,
        long offeredAt,
        int status,
        long replyNanos,
        long ttftNanos,
        long totalNanos,
        Outcome outcome,
        String code,
        long workerTtftMillis) {

    enum Outcome {
        /** Admitted and answered to its done. */
        DONE,
        /** Admitted, then ended by an error event. */
        ERROR,
        /** Admitted, and no end came before the client stopped waiting. */
        LOST,
        /** Refused cleanly: 429 or 503, problem JSON with the gate, and a Retry-After. */
        REFUSED,
        /** Anything else: another status, a refusal without its Retry-After, a failed request. */
        FAILED
    }

    boolean admitted() {
        return outcome == Outcome.DONE || outcome == Outcome.ERROR || outcome == Outcome.LOST;
    }

    /** Counts towards goodput: answered to its end, its first token within the SLO. */
    boolean good(long sloNanos) {
        return outcome == Outcome.DONE && ttftNanos >= 0 && ttftNanos <= sloNanos;
    }
}
