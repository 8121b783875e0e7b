package dev.protostar.chat.dam;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * This instance's own buckets, each holding its share of the quota (quota / expected instances), so that
 * while Redis is away the instances together stay near the quota instead of each allowing all of it.
 * Tenants are the few that own API keys, so the map stays small.
 */
final class LocalBuckets implements BucketSource {

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final int instances;
    private final TimeMeter clock;

    /** @param nanoTime a monotonic clock in nanoseconds */
    LocalBuckets(int instances, LongSupplier nanoTime) {
        this.instances = instances;
        this.clock = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return nanoTime.getAsLong();
            }

            @Override
            public boolean isWallClockBased() {
                return false;
            }
        };
    }

    @Override
    public Bucket bucket(String tenant, Quota quota, long perMinute) {
        long capacity = capacity(perMinute);
        return buckets.computeIfAbsent(tenant + ":" + quota.policy() + ":" + capacity, key -> Bucket.builder()
                .addLimit(BucketSource.perMinute(capacity))
                .withCustomTimePrecision(clock)
                .build());
    }

    @Override
    public long capacity(long perMinute) {
        return Math.ceilDiv(perMinute, instances);
    }
}
