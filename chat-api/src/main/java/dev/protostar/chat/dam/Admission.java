package dev.protostar.chat.dam;

import dev.protostar.chat.dam.QuotaProperties.Limits;
import java.time.Duration;
import java.util.List;

/**
 * The quota gate's answer for one turn, with what the IETF RateLimit header fields need
 * (draft-ietf-httpapi-ratelimit-headers-11): set {@link #rateLimitPolicy()} and {@link #rateLimit()} on the
 * 202 as on the 429.
 */
public sealed interface Admission {

    /** The tenant's quotas. */
    Limits limits();

    /** The state of the quotas this answer reports on: both when granted, the violated one when rejected. */
    List<Usage> usage();

    /** {@code RateLimit-Policy} field value, e.g. {@code "requests";q=60;w=60, "tokens";q=60000;w=60}. */
    default String rateLimitPolicy() {
        return RateLimitFields.policy(limits());
    }

    /** {@code RateLimit} field value, e.g. {@code "tokens";r=0;t=12}. */
    default String rateLimit() {
        return RateLimitFields.limit(usage());
    }

    /** Admitted: settle {@code reservation} when the turn ends. */
    record Granted(Reservation reservation, Limits limits, List<Usage> usage) implements Admission {}

    /**
     * Refused by {@code quota}: answer 429 with {@code Retry-After: retryAfter} (whole seconds, when the
     * quota has refilled enough for this turn).
     */
    record Rejected(Quota quota, Duration retryAfter, Limits limits, List<Usage> usage) implements Admission {}

    /**
     * One quota's state.
     *
     * @param remaining what is left of the quota now (a turn may still need more than this)
     * @param resetSeconds seconds until the quota is full again; when rejected, until this turn fits
     */
    record Usage(Quota quota, long remaining, long resetSeconds) {}
}
