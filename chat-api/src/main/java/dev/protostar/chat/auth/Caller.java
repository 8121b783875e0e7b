package dev.protostar.chat.auth;

import dev.protostar.chat.problem.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;

/** Who is calling: resolved from the bearer key by {@link ApiKeyFilter} for every API request. */
public record Caller(String name, Role role, String tenant) {

    static final String ATTRIBUTE = Caller.class.getName();

    public static Caller of(HttpServletRequest request) {
        return (Caller) request.getAttribute(ATTRIBUTE);
    }

    /** Throws 403 unless this caller is an admin. */
    public Caller requireAdmin() {
        if (role != Role.ADMIN) {
            throw ApiProblem.forbidden("This needs an admin key.");
        }
        return this;
    }
}
