package io.laxin.kernel.identity;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Nonces shared by every replica of a service: Redis {@code SET key 1 NX EX ttl}. While Redis does not answer, this
 * replica's own memory stands in (ADR 0007: a nonce is then refused when this replica saw it); after a failure Redis
 * is asked again only after {@link #RETRY_AFTER}, so an outage does not add Redis's timeout to every request.
 */
public final class RedisNonceStore implements NonceStore {

    private static final Logger log = LoggerFactory.getLogger(RedisNonceStore.class);
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final StringRedisTemplate redis;
    private final String prefix;
    private final NonceStore fallback;
    private final Clock clock;
    private volatile long redisAwayUntil;

    public RedisNonceStore(StringRedisTemplate redis, String keyPrefix, NonceStore fallback, Clock clock) {
        this.redis = redis;
        this.prefix = keyPrefix + "identity:nonce:";
        this.fallback = fallback;
        this.clock = clock;
    }

    @Override
    public boolean firstUse(String key, Duration ttl) {
        if (clock.millis() < redisAwayUntil) {
            return fallback.firstUse(key, ttl);
        }
        try {
            return Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(prefix + key, "1", ttl));
        } catch (RuntimeException e) {
            redisAwayUntil = clock.millis() + RETRY_AFTER.toMillis();
            log.warn(
                    "Redis does not answer for internal nonces; this replica remembers them for {} s: {}",
                    RETRY_AFTER.toSeconds(),
                    e.toString());
            return fallback.firstUse(key, ttl);
        }
    }
}
