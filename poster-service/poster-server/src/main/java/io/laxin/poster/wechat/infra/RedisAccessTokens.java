package io.laxin.poster.wechat.infra;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Access tokens in Redis under {@code <prefix>poster:wechat:token:<appId>} as {@code <expiresAtMillis>:<token>},
 * kept until WeChat's expiry (the client refreshes earlier, by the injected clock).
 */
public class RedisAccessTokens implements AccessTokens {

    private final StringRedisTemplate redis;
    private final String prefix;
    private final Clock clock;

    public RedisAccessTokens(StringRedisTemplate redis, String keyPrefix, Clock clock) {
        this.redis = redis;
        this.prefix = keyPrefix + "poster:wechat:token:";
        this.clock = clock;
    }

    @Override
    public Optional<AccessToken> find(String appId) {
        String value = redis.opsForValue().get(prefix + appId);
        if (value == null) {
            return Optional.empty();
        }
        int colon = value.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        return Optional.of(new AccessToken(
                value.substring(colon + 1), Instant.ofEpochMilli(Long.parseLong(value.substring(0, colon)))));
    }

    @Override
    public void save(String appId, AccessToken token) {
        Duration ttl = Duration.between(clock.instant(), token.expiresAt());
        if (ttl.isNegative() || ttl.isZero()) {
            return;
        }
        redis.opsForValue().set(prefix + appId, token.expiresAt().toEpochMilli() + ":" + token.token(), ttl);
    }

    @Override
    public void evict(String appId) {
        redis.delete(prefix + appId);
    }
}
