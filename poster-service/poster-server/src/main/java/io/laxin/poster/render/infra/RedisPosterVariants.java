package io.laxin.poster.render.infra;

import io.laxin.kernel.config.KernelProperties;
import io.laxin.poster.render.domain.PosterVariants;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * A set of poster keys per user and day in Redis ({@code <prefix>poster-variants:<user>:<day>}, kept two days),
 * checked and added in one script. Redis being away admits the render: the render slots still bound the work.
 */
@Component
class RedisPosterVariants implements PosterVariants {

    private static final Logger log = LoggerFactory.getLogger(RedisPosterVariants.class);
    private static final RedisScript<Long> ADMIT = RedisScript.of("""
            if redis.call('SISMEMBER', KEYS[1], ARGV[1]) == 1 then return 1 end
            if redis.call('SCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
            redis.call('SADD', KEYS[1], ARGV[1])
            redis.call('EXPIRE', KEYS[1], tonumber(ARGV[3]))
            return 1
            """, Long.class);
    private static final Duration KEEP = Duration.ofDays(2);

    private final StringRedisTemplate redis;
    private final String prefix;

    RedisPosterVariants(StringRedisTemplate redis, KernelProperties kernel) {
        this.redis = redis;
        this.prefix = kernel.redis().keyPrefix() + "poster-variants:";
    }

    @Override
    public boolean admit(String userId, String key, LocalDate day, int perDay) {
        try {
            Long admitted = redis.execute(
                    ADMIT,
                    List.of(prefix + userId + ":" + day),
                    key,
                    String.valueOf(perDay),
                    String.valueOf(KEEP.toSeconds()));
            return admitted != null && admitted == 1;
        } catch (DataAccessException e) {
            log.warn("Poster variants not counted, Redis does not answer: {}", e.toString());
            return true;
        }
    }
}
