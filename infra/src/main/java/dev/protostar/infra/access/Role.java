package dev.protostar.infra.access;

/**
 * What a key may do: recruiters chat with their tenant's candidates; admins also upload and manage; ops keys
 * reach the management surface (actuator beyond health and Prometheus, the retrieval inspector, worker
 * promotion) and nothing of the users' API.
 */
public enum Role {
    ADMIN,
    RECRUITER,
    OPS;

    /** The authority Spring Security's {@code hasRole(name)} checks. */
    public String authority() {
        return "ROLE_" + name();
    }
}
