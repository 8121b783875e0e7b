package dev.protostar.chat.dam;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.data.redis.RedisConnectionDetails;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Buckets in Redis ({@code protostar:quota:<tenant>:requests|tokens}), shared by every chat-api instance
 * through Bucket4j's Lettuce proxies (compare-and-swap, so concurrent instances never both spend the same
 * tokens). A connection of its own, with Spring's Lettuce resources but options fit for a gate: commands
 * fail at once while Redis is away and are cancelled after {@code redis-timeout}, so a caller waits at most
 * that long and then decides with local buckets. Connecting never happens on a caller's thread.
 */
@Component
class RedisBuckets implements BucketSource, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisBuckets.class);

    /**
     * A key expires this long after its bucket is full again: a missing key is a full bucket, so idle tenants
     * leave Redis and nothing is forgotten; the margin covers clock differences between instances.
     */
    private static final Duration KEEP_FULL = Duration.ofSeconds(10);

    /** Connecting runs in the background; this only bounds how long an unreachable host holds an attempt. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);

    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private final ConcurrentHashMap<String, Bucket> proxies = new ConcurrentHashMap<>();
    private final AtomicBoolean connecting = new AtomicBoolean();
    private final RedisClient client;
    private final RedisURI uri;
    private final Duration timeout;
    private final long retryNanos;
    private final LongSupplier nanoTime;
    private volatile StatefulRedisConnection<String, byte[]> connection;
    private volatile ProxyManager<String> manager;
    private volatile long nextAttempt;
    private volatile boolean closed;

    @Autowired
    RedisBuckets(QuotaProperties quota, RedisConnectionDetails redis, ClientResources resources) {
        this(RedisClient.create(resources), uri(redis), quota.redisTimeout(), quota.redisRetry(), System::nanoTime);
    }

    RedisBuckets(RedisClient client, RedisURI uri, Duration timeout, Duration retry, LongSupplier nanoTime) {
        this.client = client;
        this.uri = uri;
        this.timeout = timeout;
        this.retryNanos = retry.toNanos();
        this.nanoTime = nanoTime;
        this.nextAttempt = nanoTime.getAsLong();
        client.setOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(
                        SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).build())
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .build());
        try {
            // At startup the caller may wait a little, so the first turns already share Redis's buckets.
            connect().get(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // logged by connect(); local buckets until Redis answers
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public Bucket bucket(String tenant, Quota quota, long perMinute) {
        ProxyManager<String> buckets = manager;
        if (buckets == null) {
            connect();
            throw new RedisConnectionException("Redis for quotas is not connected (" + address() + ")");
        }
        // Batching: an instance's concurrent calls on one bucket go to Redis as one compare-and-swap, instead
        // of each retrying against the others.
        return proxies.computeIfAbsent(key(tenant, quota), key -> buckets.builder()
                .withOptimization(Optimizations.batching())
                .build(key, () -> BucketSource.configuration(perMinute)));
    }

    static String key(String tenant, Quota quota) {
        return "protostar:quota:" + tenant + ":" + quota.policy();
    }

    private CompletableFuture<?> connect() {
        if (closed || nanoTime.getAsLong() - nextAttempt < 0 || !connecting.compareAndSet(false, true)) {
            return CompletableFuture.completedFuture(null);
        }
        return client.connectAsync(CODEC, uri)
                .whenComplete((opened, failure) -> {
                    if (failure != null) {
                        nextAttempt = nanoTime.getAsLong() + retryNanos;
                        log.warn(
                                "Redis for quotas unreachable at {} ({}); local buckets meanwhile",
                                address(),
                                failure.getMessage());
                    } else if (closed) {
                        opened.closeAsync();
                    } else {
                        connection = opened;
                        manager = Bucket4jLettuce.casBasedBuilder(opened)
                                .requestTimeout(timeout)
                                .expirationAfterWrite(
                                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_FULL))
                                .build();
                        log.info("Quota buckets shared through Redis at {}", address());
                    }
                    connecting.set(false);
                })
                .toCompletableFuture();
    }

    private String address() {
        return uri.getHost() + ":" + uri.getPort();
    }

    @Override
    public void close() {
        closed = true;
        StatefulRedisConnection<String, byte[]> open = connection;
        if (open != null) {
            open.close();
        }
        client.shutdown();
    }

    private static RedisURI uri(RedisConnectionDetails redis) {
        RedisConnectionDetails.Standalone standalone = redis.getStandalone();
        RedisURI.Builder uri = RedisURI.builder()
                .withHost(standalone.getHost())
                .withPort(standalone.getPort())
                .withDatabase(standalone.getDatabase())
                .withSsl(standalone.getSslBundle() != null);
        if (StringUtils.hasText(redis.getPassword())) {
            if (StringUtils.hasText(redis.getUsername())) {
                uri.withAuthentication(redis.getUsername(), redis.getPassword());
            } else {
                uri.withPassword(redis.getPassword().toCharArray());
            }
        }
        return uri.build();
    }
}
