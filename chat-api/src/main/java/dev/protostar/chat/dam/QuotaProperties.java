package dev.protostar.chat.dam;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Policy numbers of the quota gate (protostar.dam.quota.*); application.yml says why each default.
 *
 * @param requestsPerMinute chat turns a tenant may start per minute
 * @param tokensPerMinute LLM tokens (prompt and answer) a tenant may spend per minute
 * @param tenants per-tenant quotas that differ from the defaults; a number left out (0) takes the default
 * @param instances chat-api instances expected to run: while Redis is away each holds quota / instances
 * @param shadow count what would be refused but admit it, to try quotas on real traffic
 * @param redisTimeout longest wait for the shared buckets before an instance decides with its own
 * @param redisRetry after Redis failed, how long local buckets serve before Redis is tried again
 */
@ConfigurationProperties("protostar.dam.quota")
public record QuotaProperties(
        long requestsPerMinute,
        long tokensPerMinute,
        Map<String, Limits> tenants,
        int instances,
        boolean shadow,
        Duration redisTimeout,
        Duration redisRetry) {

    public QuotaProperties {
        tenants = tenants == null ? Map.of() : Map.copyOf(tenants);
        if (requestsPerMinute < 1 || tokensPerMinute < 1 || instances < 1) {
            throw new IllegalArgumentException("protostar.dam.quota: quotas and instances must be at least 1");
        }
        for (Limits limits : tenants.values()) {
            if (limits.requestsPerMinute() > MAX_PER_MINUTE || limits.tokensPerMinute() > MAX_PER_MINUTE) {
                throw new IllegalArgumentException(TOO_HIGH);
            }
        }
        if (requestsPerMinute > MAX_PER_MINUTE || tokensPerMinute > MAX_PER_MINUTE) {
            throw new IllegalArgumentException(TOO_HIGH);
        }
    }

    /** Bucket4j refills at most one token a nanosecond; a higher quota would fail every turn, so it fails the start. */
    static final long MAX_PER_MINUTE = 60_000_000_000L;

    private static final String TOO_HIGH =
            "protostar.dam.quota: a quota may be at most " + MAX_PER_MINUTE + " per minute (one a nanosecond)";

    /** The quotas of {@code tenant}: its own where configured, the defaults elsewhere. */
    public Limits limitsOf(String tenant) {
        Limits own = tenants.get(tenant);
        if (own == null) {
            return new Limits(requestsPerMinute, tokensPerMinute);
        }
        return new Limits(
                own.requestsPerMinute() > 0 ? own.requestsPerMinute() : requestsPerMinute,
                own.tokensPerMinute() > 0 ? own.tokensPerMinute() : tokensPerMinute);
    }

    /** A tenant's quotas, each per minute. */
    public record Limits(long requestsPerMinute, long tokensPerMinute) {

        public long of(Quota quota) {
            return quota == Quota.REQUESTS ? requestsPerMinute : tokensPerMinute;
        }
    }
}
