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
    }

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
