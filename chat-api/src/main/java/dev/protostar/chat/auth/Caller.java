package dev.protostar.chat.auth;

import dev.protostar.infra.access.ApiKey;
import dev.protostar.infra.access.Role;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Who is calling: the key {@link ApiAccess}'s chain authenticated. The chain has already decided the role may call
 * the path; what is left to the controllers is the tenant (a caller sees only its own tenant's candidates).
 */
public record Caller(String name, Role role, String tenant) {

    public static Caller of(HttpServletRequest request) {
        ApiKey key = ApiKey.of(request);
        return new Caller(key.name(), key.role(), key.tenant());
    }
}
