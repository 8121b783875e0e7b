package dev.protostar.chat.dam;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;

/** Where tenants' token buckets live: Redis, shared by every chat-api instance, or this instance's memory. */
interface BucketSource {

    /**
     * The bucket of {@code tenant}'s {@code quota}, which allows {@code perMinute}; throws if its store is
     * unavailable.
     */
    Bucket bucket(String tenant, Quota quota, long perMinute);

    /** The most one turn can take from a bucket of this source that allows {@code perMinute}. */
    default long capacity(long perMinute) {
        return perMinute;
    }

    /**
     * A bucket holding one minute's quota, refilled greedily (a token as soon as its share of the minute has
     * passed) rather than all at once each minute: a refused client waits only until what it needs is back
     * (a precise Retry-After, seconds rather than up to a minute), and refused clients do not all return at the
     * same window edge. The full minute may still be spent in one burst.
     */
    static Bandwidth perMinute(long capacity) {
        return Bandwidth.builder()
                .capacity(capacity)
                .refillGreedy(capacity, Quota.WINDOW)
                .build();
    }

    static BucketConfiguration configuration(long capacity) {
        return BucketConfiguration.builder().addLimit(perMinute(capacity)).build();
    }
}
