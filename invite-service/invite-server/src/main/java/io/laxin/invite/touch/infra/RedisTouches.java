package io.laxin.invite.touch.infra;

import io.laxin.invite.touch.domain.DeviceTouch;
import io.laxin.invite.touch.domain.Touch;
import io.laxin.invite.touch.domain.TouchCounts;
import io.laxin.invite.touch.domain.Touches;
import io.laxin.kernel.config.KernelProperties;
import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Touches counted in Redis — one round trip per touch (a Lua script: unique-visitor markers, raw and unique counters,
 * the first and latest touch of each device the touch is remembered under) — and moved to {@code touch_count} in MySQL in batches.
 *
 * <p>A batch is handed over exactly once: the campaign's live counters are renamed to a batch key with a fresh token
 * (atomically), the batch is added to MySQL together with its token in {@code touch_flush} (one transaction), then
 * the batch key is deleted. A flush that dies half-way leaves the batch key; the next flush applies it unless its
 * token is already in MySQL. Reads take the live counters and all batch keys in one Lua call, then MySQL in one
 * snapshot, skipping batches whose token MySQL already has — so counts are exact at any moment.
 *
 * <p>A device's first and latest touch under its device token decide who brought whom, so they are also written to
 * MySQL with the touch, one upsert ({@link DeviceTouchTable}). Reads take both: the earlier first and the later last
 * touch, so a touch Redis lost (flush, failover) or never had (Redis down) and one MySQL missed (MySQL down at the
 * time) are both found; when Redis does not answer, MySQL alone. Counters and raw-id visitor markers stay in Redis
 * only.
 */
@Repository
class RedisTouches implements Touches {

    private static final RedisScript<Long> RECORD = RedisScript.of("""
            local visitors = tonumber(ARGV[6])
            local unique = redis.call('SET', KEYS[3], '1', 'NX', 'EX', ARGV[1])
            for i = 4, 2 + visitors do
              redis.call('SET', KEYS[i], '1', 'NX', 'EX', ARGV[1])
            end
            redis.call('HINCRBY', KEYS[1], ARGV[2] .. '|raw', 1)
            if unique then redis.call('HINCRBY', KEYS[1], ARGV[2] .. '|unique', 1) end
            redis.call('SADD', KEYS[2], ARGV[3])
            for i = 3 + visitors, #KEYS, 2 do
              redis.call('SET', KEYS[i], ARGV[4], 'NX', 'EX', ARGV[5])
              redis.call('SET', KEYS[i + 1], ARGV[4], 'EX', ARGV[5])
            end
            if unique then return 1 else return 0 end
            """, Long.class);

    /** Renames the live counters to a new batch key and registers the batch (only when there is something). */
    private static final RedisScript<Long> CUT = RedisScript.of("""
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            redis.call('RENAME', KEYS[1], KEYS[2])
            redis.call('SADD', KEYS[3], ARGV[1])
            return 1
            """, Long.class);
    /** Un-marks a campaign once it has neither live counters nor batches (atomic with touches, also scripts). */
    private static final RedisScript<Long> CLEAN = RedisScript.of("""
            if redis.call('EXISTS', KEYS[1]) == 0 and redis.call('SCARD', KEYS[2]) == 0 then
              return redis.call('SREM', KEYS[3], ARGV[1])
            end
            return 0
            """, Long.class);
    /** The live counters and every registered batch, in one atomic read. */
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> PENDING = RedisScript.of("""
            local out = {}
            local live = redis.call('HGETALL', KEYS[1])
            table.insert(live, 1, '')
            table.insert(out, live)
            local prefix = string.gsub(KEYS[2], 'touches%-batches:', 'touches-batch:')
            for _, token in ipairs(redis.call('SMEMBERS', KEYS[2])) do
              local batch = redis.call('HGETALL', prefix .. ':' .. token)
              table.insert(batch, 1, token)
              table.insert(out, batch)
            end
            return out
            """, List.class);

    private static final Logger log = LoggerFactory.getLogger(RedisTouches.class);

    private final StringRedisTemplate redis;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final DeviceTouchTable durable;
    private final Clock clock;
    private final String prefix;

    @Autowired
    RedisTouches(
            StringRedisTemplate redis,
            JdbcTemplate jdbc,
            TransactionTemplate tx,
            DeviceTouchTable durable,
            Clock clock,
            KernelProperties kernel) {
        this(redis, jdbc, tx, durable, clock, kernel.redis().keyPrefix());
    }

    RedisTouches(
            StringRedisTemplate redis,
            JdbcTemplate jdbc,
            TransactionTemplate tx,
            DeviceTouchTable durable,
            Clock clock,
            String keyPrefix) {
        this.redis = redis;
        this.jdbc = jdbc;
        this.tx = tx;
        this.durable = durable;
        this.clock = clock;
        this.prefix = keyPrefix + "invite:";
    }

    String countersKey(long campaignId) {
        return prefix + "touches:{" + campaignId + "}";
    }

    String dirtyKey() {
        return prefix + "touches:dirty";
    }

    private String deviceKey(long campaignId, String deviceId, String which) {
        return prefix + "device-touch:{" + campaignId + "}:" + deviceId + ":" + which;
    }

    @Override
    public boolean record(Touch t, Duration uniqueWindow, Duration keepFor) {
        String field = LocalDate.ofInstant(t.touchedAt(), ZoneOffset.UTC) + "|"
                + t.channel().tag();
        String deviceValue = t.code() + "|" + t.touchedAt().toEpochMilli() + "|"
                + t.channel().tag();
        List<String> keys = new ArrayList<>(List.of(countersKey(t.campaignId()), dirtyKey()));
        for (String visitor : t.visitors()) {
            keys.add(prefix + "visitor:{" + t.campaignId() + "}:" + t.code() + ":" + visitor);
        }
        for (String device : t.deviceIds()) {
            keys.add(deviceKey(t.campaignId(), device, "first"));
            keys.add(deviceKey(t.campaignId(), device, "last"));
        }
        Long unique;
        try {
            unique = redis.execute(
                    RECORD,
                    keys,
                    Long.toString(uniqueWindow.toSeconds()),
                    field,
                    Long.toString(t.campaignId()),
                    deviceValue,
                    Long.toString(keepFor.toSeconds()),
                    Integer.toString(t.visitors().size()));
        } catch (DataAccessException redisDown) {
            // not counted, but who brought this device is still kept
            rememberDurably(t, keepFor);
            throw redisDown;
        }
        rememberDurably(t, keepFor);
        return unique != null && unique == 1L;
    }

    /** The touch's device tokens into MySQL; when MySQL does not answer, Redis alone keeps the touch meanwhile. */
    private void rememberDurably(Touch t, Duration keepFor) {
        for (String device : t.deviceTokens()) {
            try {
                durable.remember(t, device, keepFor);
            } catch (DataAccessException mysqlDown) {
                log.warn(
                        "Touch of {} by a device kept in Redis only, MySQL does not answer: {}",
                        t.code(),
                        mysqlDown.toString());
            }
        }
    }

    @Override
    public TouchCounts counts(long campaignId) {
        Map<String, long[]> byDayChannel = new TreeMap<>();
        // 1. Redis, atomically: the live counters and every batch still on its way
        List<List<String>> pending = pendingBatches(campaignId);
        // 2. MySQL, in one snapshot: the counts and which batches it already has
        tx.executeWithoutResult(status -> {
            jdbc.query(
                    "SELECT count_day, channel, raw_count, unique_count FROM touch_count WHERE campaign_id = ?",
                    rs -> {
                        long[] c = byDayChannel.computeIfAbsent(
                                rs.getDate(1).toLocalDate() + "|" + rs.getString(2), k -> new long[2]);
                        c[0] += rs.getLong(3);
                        c[1] += rs.getLong(4);
                    },
                    campaignId);
            for (List<String> batch : pending) {
                String token = batch.get(0);
                if (!token.isEmpty() && applied(token)) {
                    continue;
                }
                for (int i = 1; i + 1 < batch.size(); i += 2) {
                    String field = batch.get(i);
                    long[] c =
                            byDayChannel.computeIfAbsent(field.substring(0, field.lastIndexOf('|')), k -> new long[2]);
                    c[field.endsWith("|raw") ? 0 : 1] += Long.parseLong(batch.get(i + 1));
                }
            }
        });
        List<TouchCounts.Row> rows = new ArrayList<>();
        byDayChannel.forEach((key, c) -> {
            String[] parts = key.split("\\|");
            rows.add(new TouchCounts.Row(LocalDate.parse(parts[0]), parts[1], c[0], c[1]));
        });
        return new TouchCounts(rows);
    }

    @Override
    public Optional<DeviceTouch> firstTouch(long campaignId, String deviceId) {
        // after Redis lost the touches, the device's next touch is Redis's "first": MySQL's earlier one wins
        return Stream.of(
                        deviceTouch(deviceKey(campaignId, deviceId, "first")),
                        durable.first(campaignId, deviceId, clock.instant()))
                .flatMap(Optional::stream)
                .min(Comparator.comparing(DeviceTouch::touchedAt));
    }

    @Override
    public Optional<DeviceTouch> lastTouch(long campaignId, String deviceId) {
        // Redis alone has a touch made while MySQL did not answer: the later one wins
        return Stream.of(
                        deviceTouch(deviceKey(campaignId, deviceId, "last")),
                        durable.last(campaignId, deviceId, clock.instant()))
                .flatMap(Optional::stream)
                .max(Comparator.comparing(DeviceTouch::touchedAt));
    }

    /** The touch Redis remembers; empty when it has none (expired, flushed, failed over) or does not answer. */
    private Optional<DeviceTouch> deviceTouch(String key) {
        String v;
        try {
            v = redis.opsForValue().get(key);
        } catch (DataAccessException redisDown) {
            log.warn("Device touch read from MySQL, Redis does not answer: {}", redisDown.toString());
            return Optional.empty();
        }
        if (v == null) {
            return Optional.empty();
        }
        String[] parts = v.split("\\|");
        return Optional.of(new DeviceTouch(parts[0], Instant.ofEpochMilli(Long.parseLong(parts[1])), parts[2]));
    }

    /** Live counters (token "") and each batch key (its token), as [token, field, value, field, value, …]. */
    @SuppressWarnings("unchecked")
    private List<List<String>> pendingBatches(long campaignId) {
        List<Object> raw = redis.execute(PENDING, List.of(countersKey(campaignId), batchesKey(campaignId)));
        List<List<String>> batches = new ArrayList<>();
        if (raw != null) {
            for (Object b : raw) {
                batches.add(((List<Object>) b).stream().map(Object::toString).toList());
            }
        }
        return batches;
    }

    private boolean applied(String token) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM touch_flush WHERE token = ?", Long.class, token);
        return n != null && n > 0;
    }

    String batchesKey(long campaignId) {
        return prefix + "touches-batches:{" + campaignId + "}";
    }

    String batchKey(long campaignId, String token) {
        return prefix + "touches-batch:{" + campaignId + "}:" + token;
    }

    /**
     * Flushes every dirty campaign, including batches a flush that died left behind; returns the batches written.
     * A campaign stays dirty until it has neither live counters nor batches, so nothing is stranded.
     */
    int flushAll() {
        Set<String> campaigns = redis.opsForSet().members(dirtyKey());
        int written = 0;
        for (String campaign : campaigns == null ? Set.<String>of() : campaigns) {
            long campaignId = Long.parseLong(campaign);
            String token = UUID.randomUUID().toString();
            redis.execute(
                    CUT, List.of(countersKey(campaignId), batchKey(campaignId, token), batchesKey(campaignId)), token);
            Set<String> tokens = redis.opsForSet().members(batchesKey(campaignId));
            try {
                for (String t : tokens == null ? Set.<String>of() : tokens) {
                    if (apply(campaignId, t)) {
                        written++;
                    }
                }
            } catch (RuntimeException e) {
                log.warn(
                        "Touch counts of campaign {} not written yet ({}); kept for the next round",
                        campaignId,
                        e.toString());
                continue;
            }
            redis.execute(CLEAN, List.of(countersKey(campaignId), batchesKey(campaignId), dirtyKey()), campaign);
        }
        return written;
    }

    /** Adds one batch to MySQL with its token (once), then forgets it in Redis. */
    private boolean apply(long campaignId, String token) {
        String key = batchKey(campaignId, token);
        Map<String, String> entries = redis.<String, String>opsForHash().entries(key);
        Map<String, long[]> rows = new TreeMap<>();
        entries.forEach(
                (field, value) -> rows.computeIfAbsent(field.substring(0, field.lastIndexOf('|')), k -> new long[2])[
                                field.endsWith("|raw") ? 0 : 1] +=
                        Long.parseLong(value));
        Boolean written = tx.execute(status -> {
            try {
                jdbc.update(
                        "INSERT INTO touch_flush (token, campaign_id, flushed_at) VALUES (?, ?, ?)",
                        token,
                        campaignId,
                        java.sql.Timestamp.from(Instant.now()));
            } catch (DuplicateKeyException alreadyApplied) {
                return false;
            }
            rows.forEach((dayChannel, c) -> upsert(campaignId, dayChannel, c));
            return true;
        });
        redis.delete(key);
        redis.opsForSet().remove(batchesKey(campaignId), token);
        return Boolean.TRUE.equals(written);
    }

    private void upsert(long campaignId, String dayChannel, long[] c) {
        String[] parts = dayChannel.split("\\|");
        Date day = Date.valueOf(LocalDate.parse(parts[0]));
        String update = "UPDATE touch_count SET raw_count = raw_count + ?, unique_count = unique_count + ? "
                + "WHERE campaign_id = ? AND count_day = ? AND channel = ?";
        if (jdbc.update(update, c[0], c[1], campaignId, day, parts[1]) == 0) {
            try {
                jdbc.update(
                        "INSERT INTO touch_count (campaign_id, count_day, channel, raw_count, unique_count) "
                                + "VALUES (?, ?, ?, ?, ?)",
                        campaignId,
                        day,
                        parts[1],
                        c[0],
                        c[1]);
            } catch (DuplicateKeyException raced) {
                jdbc.update(update, c[0], c[1], campaignId, day, parts[1]);
            }
        }
    }
}
