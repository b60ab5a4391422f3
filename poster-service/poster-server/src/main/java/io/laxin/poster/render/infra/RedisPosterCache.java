package io.laxin.poster.render.infra;

import io.laxin.kernel.config.KernelProperties;
import io.laxin.poster.render.domain.PosterCache;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisStringCommands;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.types.Expiration;
import org.springframework.stereotype.Component;

/**
 * Posters in Redis under {@code <prefix>poster:<key>}, each with a time to live, so every instance serves what any
 * instance rendered. Redis being down is not the user's problem: a failed read is a miss, a failed write is
 * logged, and the poster is rendered and served anyway.
 */
@Component
class RedisPosterCache implements PosterCache {

    private static final Logger log = LoggerFactory.getLogger(RedisPosterCache.class);

    private final StringRedisTemplate redis;
    private final String prefix;

    RedisPosterCache(StringRedisTemplate redis, KernelProperties kernel) {
        this.redis = redis;
        this.prefix = kernel.redis().keyPrefix() + "poster:";
    }

    @Override
    public Optional<byte[]> get(String key) {
        byte[] k = (prefix + key).getBytes(StandardCharsets.UTF_8);
        try {
            return Optional.ofNullable(redis.execute(
                    (RedisCallback<byte[]>) c -> c.stringCommands().get(k)));
        } catch (DataAccessException e) {
            log.warn("Poster cache read failed, rendering instead: {}", e.toString());
            return Optional.empty();
        }
    }

    @Override
    public void put(String key, byte[] bytes, Duration ttl) {
        byte[] k = (prefix + key).getBytes(StandardCharsets.UTF_8);
        try {
            redis.execute((RedisCallback<Boolean>) c ->
                    c.stringCommands().set(k, bytes, Expiration.from(ttl), RedisStringCommands.SetOption.upsert()));
        } catch (DataAccessException e) {
            log.warn("Poster cache write failed: {}", e.toString());
        }
    }
}
