package dev.protostar.chat.dam;

import dev.protostar.chat.dam.Admission.Usage;
import dev.protostar.chat.dam.QuotaProperties.Limits;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Structured-field values of RateLimit-Policy and RateLimit (draft-ietf-httpapi-ratelimit-headers-11):
 * one item per quota, named by its policy. The tokens policy carries no {@code qu}: the draft's registry
 * has no unit for LLM tokens, and its name says what it counts.
 */
final class RateLimitFields {

    private RateLimitFields() {}

    static String policy(Limits limits) {
        long window = Quota.WINDOW.toSeconds();
        return Stream.of(Quota.values())
                .map(quota -> "\"" + quota.policy() + "\";q=" + limits.of(quota) + ";w=" + window)
                .collect(Collectors.joining(", "));
    }

    static String limit(List<Usage> usage) {
        return usage.stream()
                .map(state -> "\"" + state.quota().policy() + "\";r=" + Math.max(0, state.remaining()) + ";t="
                        + state.resetSeconds())
                .collect(Collectors.joining(", "));
    }
}
