package dev.protostar.loadtest.replay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * When each recorded turn is offered again: the gaps between the original arrivals divided by the speed-up,
 * counted from the first turn of the window. Turns are grouped by their original session, in the order
 * the session sent them (its partition's offsets: one session lives in one partition), because a replayed
 * session plays its turns one after another as the original client did.
 */
public record ReplayPlan(double speed, List<Session> sessions) {

    /** One original session's turns, in order, each with when it is due. */
    public record Session(String originalSessionId, String candidateId, List<Step> steps) {}

    /** A turn and its offset from the start of the replay. */
    public record Step(Duration due, RecordedTurn turn) {}

    public static ReplayPlan of(List<RecordedTurn> turns, double speed) {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a positive number, got " + speed);
        }
        List<RecordedTurn> byOrder = turns.stream()
                .sorted(Comparator.comparing(RecordedTurn::timestamp)
                        .thenComparingInt(RecordedTurn::partition)
                        .thenComparingLong(RecordedTurn::offset))
                .toList();
        if (byOrder.isEmpty()) {
            return new ReplayPlan(speed, List.of());
        }
        long first = nanos(byOrder.getFirst());
        Map<String, List<RecordedTurn>> bySession = new LinkedHashMap<>();
        for (RecordedTurn turn : byOrder) {
            bySession.computeIfAbsent(turn.sessionId(), s -> new ArrayList<>()).add(turn);
        }
        List<Session> sessions = new ArrayList<>();
        bySession.forEach((sessionId, sessionTurns) -> {
            sessionTurns.sort(Comparator.comparingLong(RecordedTurn::offset));
            List<Step> steps = new ArrayList<>();
            long earliest = 0;
            for (RecordedTurn turn : sessionTurns) {
                // A clock step between two of a session's records must not put a later turn first.
                earliest = Math.max(earliest, Math.round((nanos(turn) - first) / speed));
                steps.add(new Step(Duration.ofNanos(earliest), turn));
            }
            sessions.add(
                    new Session(sessionId, sessionTurns.getFirst().request().candidateId(), List.copyOf(steps)));
        });
        return new ReplayPlan(speed, List.copyOf(sessions));
    }

    public int turns() {
        return sessions.stream().mapToInt(s -> s.steps().size()).sum();
    }

    /** From the first turn to the last, at this speed. */
    public Duration length() {
        return sessions.stream()
                .map(s -> s.steps().getLast().due())
                .max(Comparator.naturalOrder())
                .orElse(Duration.ZERO);
    }

    private static long nanos(RecordedTurn turn) {
        return turn.timestamp().getEpochSecond() * 1_000_000_000L
                + turn.timestamp().getNano();
    }
}
