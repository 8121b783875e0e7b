package dev.protostar.chat.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** API keys, stored only as their SHA-256. */
@Repository
public class ApiKeys {

    private final JdbcClient jdbc;

    ApiKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Caller> find(String key) {
        return jdbc.sql("SELECT name, role, tenant FROM api_key WHERE key_hash = ?")
                .param(hash(key))
                .query((rs, n) -> new Caller(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getString(3)))
                .optional();
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
