package io.laxin.invite.leaderboard.infra;

import io.laxin.invite.leaderboard.domain.Leaderboard;
import io.laxin.kernel.config.KernelProperties;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Repository;

/**
 * Three Redis keys per campaign (one hash tag, so scripts see them all on a cluster): a sorted set of referrers, score
 * = invitees × 10^10 + (10^10 − 1 − epoch second the count was reached) — a higher count first and, within a count,
 * the earlier arrival — a hash of the referrals counted (id → "epoch referrer", plus a {@code _built} field), so a
 * referral counts once whatever the retries, and a set of the referrals rejected after attribution, which never count
 * again. A rejection takes the referral out of the hash and off its referrer's count in one script (only if the hash
 * had it); the count keeps the second it was reached unless the rejected referral was the referrer's latest, then it
 * takes the second of their latest other attributed referral. The board is missing when the hash is (or the set is
 * while the hash counts referrals); a rebuild writes both under temporary keys and a script merges what the old board
 * counted since the rebuild started, then RENAMEs them in — readers see the old board or the new one, never half of
 * one. The rejected set outlives rebuilds: a rebuild leaves out what it read before the rejection committed, and the
 * swap takes out what was rejected between the read and the swap (keeping that referrer's tie-break second).
 */
@Repository
class RedisLeaderboard implements Leaderboard {

    private static final long SHIFT = 10_000_000_000L;
    private static final String BUILT = "_built";
    private static final int BATCH = 1000;
    private static final String MISSING = """
            local function missing(board, counted)
              if redis.call('EXISTS', counted) == 0 then return true end
              return redis.call('EXISTS', board) == 0 and redis.call('HLEN', counted) > 1
            end
            """;
    private static final String COUNT = """
            local function count(board, counted, id, referrer, epoch, shift)
              if redis.call('HSETNX', counted, id, epoch .. ' ' .. referrer) == 0 then return 0 end
              local score = redis.call('ZSCORE', board, referrer)
              local n = 0
              if score then n = math.floor(tonumber(score) / shift) end
              n = n + 1
              redis.call('ZADD', board, n * shift + (shift - 1 - epoch), referrer)
              return n
            end
            """;
    private static final String UNCOUNT = """
            local function uncount(board, counted, id, latestOther, shift)
              local v = redis.call('HGET', counted, id)
              if not v then return 0 end
              redis.call('HDEL', counted, id)
              local sp = string.find(v, ' ', 1, true)
              local epoch = tonumber(string.sub(v, 1, sp - 1))
              local referrer = string.sub(v, sp + 1)
              local score = redis.call('ZSCORE', board, referrer)
              if not score then return 1 end
              score = tonumber(score)
              local n = math.floor(score / shift)
              if n <= 1 then
                redis.call('ZREM', board, referrer)
                return 1
              end
              local reached = shift - 1 - (score - n * shift)
              if reached <= epoch and latestOther then reached = latestOther end
              redis.call('ZADD', board, (n - 1) * shift + (shift - 1 - reached), referrer)
              return 1
            end
            """;
    private static final RedisScript<Long> ATTRIBUTED = RedisScript.of(MISSING + COUNT + """
            if missing(KEYS[1], KEYS[2]) then return -1 end
            if redis.call('SISMEMBER', KEYS[3], ARGV[1]) == 1 then return 0 end
            return count(KEYS[1], KEYS[2], ARGV[1], ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4]))
            """, Long.class);
    private static final RedisScript<Long> REJECTED = RedisScript.of(UNCOUNT + """
            redis.call('SADD', KEYS[3], ARGV[1])
            local latestOther = nil
            if ARGV[2] ~= '' then latestOther = tonumber(ARGV[2]) end
            return uncount(KEYS[1], KEYS[2], ARGV[1], latestOther, tonumber(ARGV[3]))
            """, Long.class);
    private static final RedisScript<Long> IS_MISSING = RedisScript.of(MISSING + """
            if missing(KEYS[1], KEYS[2]) then return 1 end
            return 0
            """, Long.class);
    private static final RedisScript<Long> SWAP = RedisScript.of(COUNT + UNCOUNT + """
            local merged = 0
            if redis.call('EXISTS', KEYS[2]) == 1 then
              local old = redis.call('HGETALL', KEYS[2])
              for i = 1, #old, 2 do
                local v = old[i + 1]
                local sp = string.find(v, ' ', 1, true)
                if old[i] ~= '_built' and sp then
                  local epoch = tonumber(string.sub(v, 1, sp - 1))
                  if epoch >= tonumber(ARGV[2]) then
                    merged = merged + math.min(1, count(KEYS[3], KEYS[4], old[i], string.sub(v, sp + 1), epoch,
                      tonumber(ARGV[1])))
                  end
                end
              end
            end
            for _, id in ipairs(redis.call('SMEMBERS', KEYS[5])) do
              uncount(KEYS[3], KEYS[4], id, nil, tonumber(ARGV[1]))
            end
            if redis.call('EXISTS', KEYS[3]) == 1 then
              redis.call('RENAME', KEYS[3], KEYS[1])
            else
              redis.call('DEL', KEYS[1])
            end
            redis.call('RENAME', KEYS[4], KEYS[2])
            return merged
            """, Long.class);

    private final StringRedisTemplate redis;
    private final String prefix;

    RedisLeaderboard(StringRedisTemplate redis, KernelProperties kernel) {
        this.redis = redis;
        this.prefix = kernel.redis().keyPrefix() + "invite:leaderboard:";
    }

    private String board(long campaignId) {
        return prefix + "{" + campaignId + "}";
    }

    private String counted(long campaignId) {
        return board(campaignId) + ":counted";
    }

    private String rejected(long campaignId) {
        return board(campaignId) + ":rejected";
    }

    @Override
    public boolean attributed(long campaignId, Counted r) {
        Long n = redis.execute(
                ATTRIBUTED,
                List.of(board(campaignId), counted(campaignId), rejected(campaignId)),
                Long.toString(r.referralId()),
                r.referrerUserId(),
                Long.toString(r.decidedAt().getEpochSecond()),
                Long.toString(SHIFT));
        return n == null || n >= 0;
    }

    @Override
    public boolean rejected(long campaignId, long referralId, Optional<Instant> referrerLatestOther) {
        Long uncounted = redis.execute(
                REJECTED,
                List.of(board(campaignId), counted(campaignId), rejected(campaignId)),
                Long.toString(referralId),
                referrerLatestOther.map(t -> Long.toString(t.getEpochSecond())).orElse(""),
                Long.toString(SHIFT));
        return Long.valueOf(1).equals(uncounted);
    }

    @Override
    public boolean missing(long campaignId) {
        return Long.valueOf(1).equals(redis.execute(IS_MISSING, List.of(board(campaignId), counted(campaignId))));
    }

    @Override
    public void replace(long campaignId, List<Counted> referrals, Instant since) {
        String suffix = ":tmp:" + UUID.randomUUID();
        String tmpBoard = board(campaignId) + suffix;
        String tmpCounted = counted(campaignId) + suffix;
        Map<String, long[]> standings = new HashMap<>(); // referrer → {count, latest epoch}
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(BUILT, Long.toString(since.getEpochSecond()));
        Set<String> rejected = redis.opsForSet().members(rejected(campaignId));
        for (Counted r : referrals) {
            if (rejected != null && rejected.contains(Long.toString(r.referralId()))) {
                continue; // read before its rejection committed
            }
            long epoch = r.decidedAt().getEpochSecond();
            fields.put(Long.toString(r.referralId()), epoch + " " + r.referrerUserId());
            long[] s = standings.computeIfAbsent(r.referrerUserId(), k -> new long[2]);
            s[0]++;
            s[1] = Math.max(s[1], epoch);
        }
        putAll(tmpCounted, fields);
        Set<ZSetOperations.TypedTuple<String>> batch = new HashSet<>();
        for (Map.Entry<String, long[]> e : standings.entrySet()) {
            batch.add(ZSetOperations.TypedTuple.of(
                    e.getKey(), (double) (e.getValue()[0] * SHIFT + (SHIFT - 1 - e.getValue()[1]))));
            if (batch.size() == BATCH) {
                redis.opsForZSet().add(tmpBoard, batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            redis.opsForZSet().add(tmpBoard, batch);
        }
        redis.execute(
                SWAP,
                List.of(board(campaignId), counted(campaignId), tmpBoard, tmpCounted, rejected(campaignId)),
                Long.toString(SHIFT),
                Long.toString(since.getEpochSecond()));
    }

    private void putAll(String key, Map<String, String> fields) {
        Map<String, String> batch = new HashMap<>();
        for (Map.Entry<String, String> e : fields.entrySet()) {
            batch.put(e.getKey(), e.getValue());
            if (batch.size() == BATCH) {
                redis.opsForHash().putAll(key, batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            redis.opsForHash().putAll(key, batch);
        }
    }

    @Override
    public List<Entry> top(long campaignId, int n) {
        Set<ZSetOperations.TypedTuple<String>> tuples =
                redis.opsForZSet().reverseRangeWithScores(board(campaignId), 0, n - 1L);
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
