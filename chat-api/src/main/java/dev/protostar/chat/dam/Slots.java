package dev.protostar.chat.dam;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The turns this instance admitted and that have not ended: a slot is taken at admission and held for the
 * whole stream, until the turn's done or error event, or until its lease runs out (its end was lost). Every
 * method is a few map operations under one lock, so an admission decision stays in the microseconds.
 */
final class Slots {

    /** A held slot and the quota reservation to settle when its turn ends. */
    record Slot(Ticket ticket, Reservation reservation, long takenNanos, int inFlightAtStart, boolean streaming) {}

    private final Map<String, Slot> held = new HashMap<>();
    private final LongSupplier nanoTime;

    Slots(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** Takes a slot if fewer than {@code allowed} are held; false if none is free. */
    synchronized boolean take(Ticket ticket, Reservation reservation, int allowed) {
        if (held.size() >= allowed) {
            return false;
        }
        held.put(ticket.requestId(), new Slot(ticket, reservation, nanoTime.getAsLong(), held.size() + 1, false));
        return true;
    }

    /** Marks the turn's first token; returns the slot the first time only (one TTFT sample per turn). */
    synchronized Optional<Slot> firstToken(String requestId) {
        Slot slot = held.get(requestId);
        if (slot == null || slot.streaming()) {
            return Optional.empty();
        }
        held.put(
                requestId,
                new Slot(slot.ticket(), slot.reservation(), slot.takenNanos(), slot.inFlightAtStart(), true));
        return Optional.of(slot);
    }

    /** Frees the turn's slot; empty if this instance holds none for it (another admitted it, or it is freed). */
    synchronized Optional<Slot> release(String requestId) {
        return Optional.ofNullable(held.remove(requestId));
    }

    /** Frees and returns the slots whose turns are past their deadline by more than {@code grace}. */
    synchronized List<Slot> reap(Instant now, Duration grace) {
        List<Slot> expired = new ArrayList<>();
        held.values().removeIf(slot -> {
            boolean gone = now.isAfter(slot.ticket().deadline().plus(grace));
            if (gone) {
                expired.add(slot);
            }
            return gone;
        });
        return expired;
    }

    synchronized int inFlight() {
        return held.size();
    }

    long heldNanos(Slot slot) {
        return nanoTime.getAsLong() - slot.takenNanos();
    }
}
