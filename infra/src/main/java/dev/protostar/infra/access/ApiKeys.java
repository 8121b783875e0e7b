package dev.protostar.infra.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * API keys, stored only as their SHA-256 (keys are 192-bit random, so a fast hash is enough and a leaked table
 * reveals no usable key). What a lookup learns is cached both ways: a known key for {@code knownFor}, an unknown
 * one for {@code unknownFor}; lookups of uncached keys run a few at a time ({@link Busy} for the rest). Every
 * instance asks the table for keys revoked since it last asked every {@code revocationPoll}, so a revoked key
 * stops working everywhere within that, however long it was cached. While the database is down, cached keys keep
 * working and revocations wait for it.
 */
public class ApiKeys implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);
    /** Revocations committed out of order (a transaction started earlier, committed later) are still seen. */
    private static final Duration OVERLAP = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private final KeysProperties properties;
    private final Cache<String, ApiKey> known;
    private final Cache<String, Boolean> unknown;
    private final Semaphore lookups;
    private ScheduledExecutorService poller;
    private Instant revokedSince = Instant.EPOCH;

    public ApiKeys(JdbcClient jdbc, KeysProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.known = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfterWrite(properties.knownFor())
                .build();
        this.unknown = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(properties.unknownFor())
                .build();
        this.lookups = new Semaphore(properties.lookups());
    }

    /** The unrevoked key {@code key}, if there is one; {@link Busy} when too many uncached keys are being looked up. */
    public Optional<ApiKey> find(String key) {
        String hash = hash(key);
        ApiKey cached = known.getIfPresent(hash);
        if (cached != null) {
            return Optional.of(cached);
        }
        if (unknown.getIfPresent(hash) != null) {
            return Optional.empty();
        }
        if (!lookups.tryAcquire()) {
            throw new Busy();
        }
        try {
            Optional<ApiKey> found = jdbc.sql(
                            "SELECT id, name, role, tenant FROM api_key WHERE key_hash = ? AND revoked_at IS NULL")
                    .param(hash)
                    .query((rs, n) -> new ApiKey(
                            rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)), rs.getString(4)))
                    .optional();
            found.ifPresentOrElse(k -> known.put(hash, k), () -> unknown.put(hash, Boolean.TRUE));
            return found;
        } finally {
            lookups.release();
        }
    }

    /**
     * Registers a key (again): idempotent, so a restart with the same keys changes nothing, and a key revoked
     * since stays revoked.
     */
    public void register(String key, String name, Role role, String tenant) {
        jdbc.sql(
                        """
                        INSERT INTO api_key (key_hash, name, role, tenant) VALUES (?, ?, ?, ?)
                        ON CONFLICT (key_hash) DO UPDATE SET name = excluded.name, role = excluded.role,
                            tenant = excluded.tenant""")
                .params(hash(key), name, role.name(), tenant)
                .update();
        known.invalidate(hash(key));
        unknown.invalidate(hash(key));
    }

    /** Forgets every cached key revoked since the last poll. */
    void forgetRevoked() {
        var revoked = jdbc.sql("SELECT key_hash, revoked_at FROM api_key WHERE revoked_at > ?")
                .param(Timestamp.from(revokedSince.minus(OVERLAP)))
                .query((rs, n) -> {
                    Instant at = rs.getTimestamp(2).toInstant();
                    if (at.isAfter(revokedSince)) {
                        revokedSince = at;
                    }
                    return rs.getString(1);
                })
                .list();
        known.invalidateAll(revoked);
    }

    static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void start() {
        poller = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("key-revocations").daemon().factory());
        long every = properties.revocationPoll().toMillis();
        poller.scheduleWithFixedDelay(this::pollQuietly, 0, every, TimeUnit.MILLISECONDS);
    }

    private void pollQuietly() {
        try {
            forgetRevoked();
        } catch (RuntimeException e) {
            log.debug("Revoked keys not read this time: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return poller != null;
    }

    /** Too many keys not in the cache are being looked up at once: the caller should come back in a second. */
    public static final class Busy extends RuntimeException {
        Busy() {
            super("Too many unknown keys are being checked; try again in a second.", null, false, false);
        }
    }
}
