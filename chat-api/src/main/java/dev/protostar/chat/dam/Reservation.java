package dev.protostar.chat.dam;

/**
 * What an admitted turn holds against its tenant's token quota until {@link Quotas#settle} gives back what
 * it did not use or charges what it used beyond. The request it counted against the requests quota stays
 * spent.
 *
 * @param tenant whose buckets were charged
 * @param tokens LLM tokens reserved (the estimate, at most one minute's quota; 0 when nothing was taken)
 * @param ledger where they were taken from, so settling goes to the same buckets
 */
public record Reservation(String tenant, long tokens, Ledger ledger) {

    public enum Ledger {
        /** The buckets in Redis that every chat-api instance shares. */
        SHARED,
        /** This instance's own buckets, used while Redis is unavailable. */
        LOCAL,
        /** Nothing was taken: admitted in shadow mode over the quota; settling does nothing. */
        NONE
    }

    static Reservation none(String tenant) {
        return new Reservation(tenant, 0, Ledger.NONE);
    }
}
