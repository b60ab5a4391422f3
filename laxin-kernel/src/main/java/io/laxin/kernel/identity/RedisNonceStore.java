package io.laxin.kernel.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Nonces shared by every replica of a service: Redis {@code SET key 1 NX EX ttl}, refusing a signature made before
 * Redis's nonce memory began (an epoch key, {@link RedisNonces}: Redis flushed or restarted empty must not let a
 * captured header set be replayed). While Redis does not answer, this
 * replica's own memory stands in (ADR 0007: a nonce is then refused when this replica saw it); after a failure Redis
 * is asked again only after {@link #RETRY_AFTER}, so an outage does not add Redis's timeout to every request.
 */
public final class RedisNonceStore implements NonceStore {

    private static final Logger log = LoggerFactory.getLogger(RedisNonceStore.class);
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final StringRedisTemplate redis;
    private final String prefix;
    private final String epochKey;
    private final NonceStore fallback;
    private final Clock clock;
    private volatile long redisAwayUntil;

    public RedisNonceStore(StringRedisTemplate redis, String keyPrefix, NonceStore fallback, Clock clock) {
        this.redis = redis;
        this.prefix = keyPrefix + "identity:nonce:";
        this.epochKey = keyPrefix + "identity:nonce-epoch";
        // a fresh Redis's memory begins before the first request, not with it (which would refuse that request once)
        try {
            redis.opsForValue().setIfAbsent(epochKey, RedisNonces.startingEpoch(clock));
        } catch (RuntimeException e) {
            log.warn("Redis does not answer at start; the nonce epoch is set on the first request: {}", e.toString());
        }
        this.fallback = fallback;
        this.clock = clock;
    }

    @Override
    public boolean firstUse(String key, Instant signedAt, Duration ttl) {
        if (clock.millis() < redisAwayUntil) {
            return fallback.firstUse(key, signedAt, ttl);
        }
        try {
            Long answer = redis.execute(
                    RedisNonces.SCRIPT,
                    RedisNonces.keys(epochKey, prefix + key),
                    RedisNonces.args(clock.instant(), signedAt, ttl, "1"));
            RedisNonces.Outcome outcome = RedisNonces.outcome(answer);
            if (outcome == RedisNonces.Outcome.SIGNED_BEFORE_EPOCH) {
                log.debug("Refused nonce {}: signed at {}, before Redis's nonce memory began", key, signedAt);
            }
            return outcome == RedisNonces.Outcome.FIRST_USE;
        } catch (RuntimeException e) {
            redisAwayUntil = clock.millis() + RETRY_AFTER.toMillis();
            log.warn(
                    "Redis does not answer for internal nonces; this replica remembers them for {} s: {}",
                    RETRY_AFTER.toSeconds(),
                    e.toString());
            return fallback.firstUse(key, signedAt, ttl);
        }
    }
}
