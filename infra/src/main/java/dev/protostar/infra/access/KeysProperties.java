package dev.protostar.infra.access;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * API keys: the ones the environment hands to a local run, and how long what a lookup learned is trusted.
 *
 * @param admin an admin key registered at start (the local run's {@code PROTOSTAR_ADMIN_KEY}); blank: none
 * @param recruiter a recruiter key registered at start; blank: none
 * @param ops an ops key registered at start; blank: none
 * @param tenant the tenant of the keys registered at start
 * @param knownFor a known key is trusted without a lookup this long: every call reads its key, and a refused turn
 *     should not cost a database round trip; revocation does not wait for it (see {@code revocationPoll})
 * @param unknownFor a key not in the table is refused without a lookup this long, so a flood of made-up keys costs
 *     the database one query per key per interval, not one per request
 * @param lookups lookups of keys not cached that may run at once; the rest are told to come back in a second, so
 *     a flood of made-up keys never takes the connections valid callers' turns need (the pool has ten)
 * @param revocationPoll how often every instance asks for keys revoked since it last asked: the bound on how long
 *     a revoked key keeps working
 */
@ConfigurationProperties("protostar.keys")
public record KeysProperties(
        @DefaultValue("") String admin,
        @DefaultValue("") String recruiter,
        @DefaultValue("") String ops,
        @DefaultValue("local") String tenant,
        @DefaultValue("1m") Duration knownFor,
        @DefaultValue("30s") Duration unknownFor,
        @DefaultValue("4") int lookups,
        @DefaultValue("500ms") Duration revocationPoll) {}
