package io.laxin.kernel.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;

/**
 * Nonces shared by every replica of a service: Redis {@code SET key 1 NX EX ttl}. While Redis does not answer, this
 * replica's own memory stands in (ADR 0007: a nonce is then refused when this replica saw it).
 */
public final class RedisNonceStore implements NonceStore {

    private static final Logger log = LoggerFactory.getLogger(RedisNonceStore.class);

    private final StringRedisTemplate redis;
    private final String prefix;
    private final NonceStore fallback;

    public RedisNonceStore(StringRedisTemplate redis, String keyPrefix, NonceStore fallback) {
        this.redis = redis;
        this.prefix = keyPrefix + "identity:nonce:";
        this.fallback = fallback;
    }

    @Override
    public boolean firstUse(String key, Duration ttl) {
        try {
            return Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(prefix + key, "1", ttl));
        } catch (RuntimeException e) {
            log.warn("Redis does not answer for internal nonces; this replica remembers them meanwhile: {}",
                    e.toString());
            return fallback.firstUse(key, ttl);
        }
    }
}
