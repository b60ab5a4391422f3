package io.laxin.invite.leaderboard.infra;

import io.laxin.invite.leaderboard.domain.Leaderboard;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A Redis sorted set per campaign. Score = invitees × 10^10 + (10^10 − 1 − epoch second the count was reached), so
 * a higher count ranks first and, within a count, the earlier arrival; updated atomically by a Lua script.
 */
@Repository
class RedisLeaderboard implements Leaderboard {

    private static final long SHIFT = 10_000_000_000L;
    private static final RedisScript<Long> ATTRIBUTED = RedisScript.of("""
            local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
            local count = 0
            if score then count = math.floor(tonumber(score) / tonumber(ARGV[3])) end
            count = count + 1
            redis.call('ZADD', KEYS[1], count * tonumber(ARGV[3]) + (tonumber(ARGV[3]) - 1 - tonumber(ARGV[2])), ARGV[1])
            return count
            """, Long.class);

    private final StringRedisTemplate redis;
    private final String prefix;

    RedisLeaderboard(StringRedisTemplate redis, @Value("${laxin.redis.key-prefix:laxin:}") String keyPrefix) {
        this.redis = redis;
        this.prefix = keyPrefix + "invite:leaderboard:";
    }

    @Override
    public void attributed(long campaignId, String referrerUserId, Instant at) {
        redis.execute(ATTRIBUTED, List.of(prefix + campaignId), referrerUserId, Long.toString(at.getEpochSecond()),
                Long.toString(SHIFT));
    }

    @Override
    public List<Entry> top(long campaignId, int n) {
        Set<ZSetOperations.TypedTuple<String>> tuples = redis.opsForZSet()
                .reverseRangeWithScores(prefix + campaignId, 0, n - 1L);
        List<Entry> entries = new ArrayList<>();
        if (tuples == null) {
            return entries;
        }
        int rank = 0;
        for (ZSetOperations.TypedTuple<String> t : tuples) {
            entries.add(new Entry(++rank, t.getValue(), (long) Math.floor(t.getScore() / SHIFT)));
        }
        return entries;
    }
}
