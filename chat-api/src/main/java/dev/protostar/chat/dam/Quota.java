package dev.protostar.chat.dam;

import java.time.Duration;

/** The two per-tenant quotas; {@link #policy()} names them in RateLimit headers, metrics and Redis keys. */
public enum Quota {
    REQUESTS("requests"),
    TOKENS("tokens");

    /** Every quota is per minute: the window LLM providers publish their limits in. */
    public static final Duration WINDOW = Duration.ofMinutes(1);

    private final String policy;

    Quota(String policy) {
        this.policy = policy;
    }

    public String policy() {
        return policy;
    }
}
