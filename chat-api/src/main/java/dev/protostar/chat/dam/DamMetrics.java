package dev.protostar.chat.dam;

/**
 * Names and tags of the Traffic Dam's meters, in one place (Micrometer names; Prometheus adds
 * {@code _total} to counters). Every gate counts its refusals in {@link #REJECTED} with the same tag keys.
 */
public final class DamMetrics {

    /** Turns a gate refused; tags {@link #GATE} and {@link #REASON}. */
    public static final String REJECTED = "protostar.dam.rejected";

    /** Turns a gate in shadow mode would have refused but admitted; tags {@link #GATE} and {@link #REASON}. */
    public static final String SHADOW_REJECTED = "protostar.dam.shadow.rejected";

    /** Quota decisions taken with this instance's own buckets because Redis was unavailable. */
    public static final String QUOTA_FALLBACK = "protostar.dam.quota.fallback";

    public static final String GATE = "gate";
    public static final String REASON = "reason";

    public static final String GATE_QUOTA = "quota";

    private DamMetrics() {}
}
