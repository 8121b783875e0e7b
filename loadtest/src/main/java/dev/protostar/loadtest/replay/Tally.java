package dev.protostar.loadtest.replay;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/** What happened to the replayed turns, counted from many sessions' threads at once. */
public final class Tally {

    private final AtomicInteger offered = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger errors = new AtomicInteger();
    private final AtomicInteger unanswered = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final Map<Integer, AtomicInteger> rejected = new ConcurrentSkipListMap<>();
    private final Map<String, AtomicInteger> errorCodes = new ConcurrentHashMap<>();

    void offer() {
        offered.incrementAndGet();
    }

    void accept() {
        accepted.incrementAndGet();
    }

    void reject(int status) {
        rejected.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
    }

    void answer(boolean refusal) {
        answered.incrementAndGet();
        if (refusal) {
            refused.incrementAndGet();
        }
    }

    void error(String code) {
        errors.incrementAndGet();
        errorCodes.computeIfAbsent(code, c -> new AtomicInteger()).incrementAndGet();
    }

    void timeOut() {
        unanswered.incrementAndGet();
    }

    void fail(int turns) {
        failed.addAndGet(turns);
    }

    /** Turns posted to the intake. */
    public int offered() {
        return offered.get();
    }

    /** Turns the intake answered 202. */
    public int accepted() {
        return accepted.get();
    }

    /** Accepted turns whose stream ended with {@code done} (a refusal is an answer too). */
    public int answered() {
        return answered.get();
    }

    /** Answered turns the worker refused (nothing in the candidate's documents). */
    public int refused() {
        return refused.get();
    }

    /** Accepted turns whose stream ended with {@code error}. */
    public int errors() {
        return errors.get();
    }

    /** Accepted turns with neither {@code done} nor {@code error} within the answer timeout. */
    public int unanswered() {
        return unanswered.get();
    }

    /** Turns never offered or never given a status: a session could not be created, or I/O failed. */
    public int failed() {
        return failed.get();
    }

    /** Rejections by HTTP status, lowest status first. */
    public Map<Integer, Integer> rejectedByStatus() {
        Map<Integer, Integer> copy = new TreeMap<>();
        rejected.forEach((status, count) -> copy.put(status, count.get()));
        return copy;
    }

    public int rejected() {
        return rejected.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    public String report() {
        return """
                offered     %d
                accepted    %d
                rejected    %d %s
                answered    %d (refused %d)
                errors      %d %s
                unanswered  %d
                failed      %d"""
                .formatted(
                        offered(),
                        accepted(),
                        rejected(),
                        rejectedByStatus(),
                        answered(),
                        refused(),
                        errors(),
                        new TreeMap<>(errorCodes),
                        unanswered(),
                        failed());
    }
}
