package dev.protostar.chat.dam;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/** One quota as the gate spends it: a Bucket4j bucket itself, or this instance's {@link Lease} on one in Redis. */
interface Allowance {

    /** Takes {@code amount} or nothing; says what is left and, if refused, how long until it fits. */
    ConsumptionProbe take(long amount);

    /** Gives back what a turn took and did not use. */
    void giveBack(long amount);

    /** Whether {@code amount} can be taken in memory, without a round trip. */
    default boolean covers(long amount) {
        return false;
    }

    static Allowance of(Bucket bucket) {
        return new Allowance() {
            @Override
            public ConsumptionProbe take(long amount) {
                return bucket.tryConsumeAndReturnRemaining(amount);
            }

            @Override
            public void giveBack(long amount) {
                bucket.addTokens(amount);
            }
        };
    }
}
