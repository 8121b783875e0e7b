package dev.protostar.infra.access;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A known, unrevoked key: its short public {@code id} (what {@code ./protostar keys list} shows and {@code revoke}
 * takes), who it was given to, its role and tenant. The key itself is never held.
 */
public record ApiKey(String id, String name, Role role, String tenant) {

    static final String ATTRIBUTE = ApiKey.class.getName();

    /** The key behind an actuator operation's principal, or null. */
    public static ApiKey of(java.security.Principal principal) {
        return principal instanceof org.springframework.security.core.Authentication authentication
                        && authentication.getPrincipal() instanceof ApiKey key
                ? key
                : null;
    }

    /** The key the request was authenticated with, or null on a path that needs none. */
    public static ApiKey of(HttpServletRequest request) {
        return (ApiKey) request.getAttribute(ATTRIBUTE);
    }
}
