package dev.protostar.chat.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * API keys, stored only as their SHA-256. Every call of the API reads its key, so a known key is kept in memory
 * for a minute: a refused turn should not cost a database round trip, and a key changed in the table is in
 * force within that minute. Unknown keys are always looked up.
 */
@Repository
public class ApiKeys {

    private final JdbcClient jdbc;
    private final Cache<String, Caller> known = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(1))
            .build();

    ApiKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Caller> find(String key) {
        String hash = hash(key);
        Caller cached = known.getIfPresent(hash);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Caller> caller = jdbc.sql("SELECT name, role, tenant FROM api_key WHERE key_hash = ?")
                .param(hash)
                .query((rs, n) -> new Caller(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getString(3)))
                .optional();
        caller.ifPresent(found -> known.put(hash, found));
        return caller;
    }

    /** Registers a key (again): idempotent, so a restart with the same keys changes nothing. */
    public void register(String key, String name, Role role, String tenant) {
        jdbc.sql(
                        """
                        INSERT INTO api_key (key_hash, name, role, tenant) VALUES (?, ?, ?, ?)
                        ON CONFLICT (key_hash) DO UPDATE SET name = excluded.name, role = excluded.role,
                            tenant = excluded.tenant""")
                .params(hash(key), name, role.name(), tenant)
                .update();
        known.invalidate(hash(key));
    }

    static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
