package dev.protostar.loadtest.replay;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/** What happened to the replayed turns, counted from many sessions' threads at once. */
final class Tally {

    final AtomicInteger offered = new AtomicInteger();
    final AtomicInteger accepted = new AtomicInteger();
    /** Turns whose stream ended with {@code done} (a refusal is an answer too). */
    final AtomicInteger answered = new AtomicInteger();

    final AtomicInteger refused = new AtomicInteger();
    /** Turns whose stream ended with {@code error}. */
    final AtomicInteger errors = new AtomicInteger();
    /** Accepted turns with neither {@code done} nor {@code error} within the answer timeout. */
    final AtomicInteger unanswered = new AtomicInteger();
    /** Turns never offered or never answered with a status: a session could not be created, or I/O failed. */
    final AtomicInteger failed = new AtomicInteger();

    private final Map<Integer, AtomicInteger> rejected = new ConcurrentSkipListMap<>();
    private final Map<String, AtomicInteger> errorCodes = new ConcurrentHashMap<>();

    void rejected(int status) {
        rejected.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
    }

    void error(String code) {
        errors.incrementAndGet();
        errorCodes.computeIfAbsent(code, c -> new AtomicInteger()).incrementAndGet();
    }

    /** Rejections by HTTP status, lowest status first. */
    Map<Integer, Integer> rejectedByStatus() {
        Map<Integer, Integer> copy = new TreeMap<>();
        rejected.forEach((status, count) -> copy.put(status, count.get()));
        return copy;
    }

    int rejectedTotal() {
        return rejected.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    String report() {
        return """
                offered     %d
                accepted    %d
                rejected    %d %s
                answered    %d (refused %d)
                errors      %d %s
                unanswered  %d
                failed      %d"""
                .formatted(
                        offered.get(),
                        accepted.get(),
                        rejectedTotal(),
                        rejectedByStatus(),
                        answered.get(),
                        refused.get(),
                        errors.get(),
                        new TreeMap<>(errorCodes),
                        unanswered.get(),
                        failed.get());
    }
}
