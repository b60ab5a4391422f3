package io.laxin.invite.touch.infra;

import io.laxin.invite.touch.domain.DeviceTouch;
import io.laxin.invite.touch.domain.FlushedTouchCounts;
import io.laxin.invite.touch.domain.Touch;
import io.laxin.invite.touch.domain.TouchCountBatches;
import io.laxin.invite.touch.domain.TouchCounts;
import io.laxin.invite.touch.domain.Touches;
import io.laxin.kernel.config.KernelProperties;
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
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Repository;

/**
 * Touches counted in Redis — one round trip per touch (a Lua script: unique-visitor markers, raw and unique counters,
 * the first and latest touch of each device the touch is remembered under) — and moved to {@code touch_count} in
 * MySQL in batches.
 *
 * <p>A batch is handed over exactly once (the touch feature's FlushingTouchCounts use case drives it through
 * {@link TouchCountBatches}, implemented here, and {@link JdbcTouchCounts}): the campaign's live counters are renamed
 * to a batch key with a fresh token (atomically), the batch is added to MySQL together with its token in
 * {@code touch_flush} (one transaction), then the batch key is deleted. A flush that dies half-way leaves the batch
 * key; the next flush applies it unless its token is already in MySQL. Reads take the live counters and all batch keys
 * in one Lua call, then MySQL in one statement, skipping batches whose token MySQL already has — so counts are exact
 * at any moment.
 *
 * <p>A device's first and latest touch under its device token decide who brought whom, so they are also written to
 * MySQL with the touch, one upsert ({@link DeviceTouchTable}). Reads take both: the earlier first and the later last
 * touch, so a touch Redis lost (flush, failover) or never had (Redis down) and one MySQL missed (MySQL down at the
 * time) are both found; when Redis does not answer, MySQL alone. Counters and raw-id visitor markers stay in Redis
 * only.
 */
@Repository
class RedisTouches implements Touches, TouchCountBatches {

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
    private final FlushedTouchCounts flushed;
    private final DeviceTouchTable durable;
    private final Clock clock;
    private final String prefix;

    @Autowired
    RedisTouches(
            StringRedisTemplate redis,
            FlushedTouchCounts flushed,
            DeviceTouchTable durable,
            Clock clock,
            KernelProperties kernel) {
        this(redis, flushed, durable, clock, kernel.redis().keyPrefix());
    }

    RedisTouches(
            StringRedisTemplate redis,
            FlushedTouchCounts flushed,
            DeviceTouchTable durable,
            Clock clock,
            String keyPrefix) {
        this.redis = redis;
        this.flushed = flushed;
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
        // 1. Redis, atomically: the live counters and every batch still on its way
        List<List<String>> pending = pendingBatches(campaignId);
        // 2. MySQL, in one snapshot: the counts and which of those batches it already has
        List<String> tokens = pending.stream()
                .map(batch -> batch.get(0))
                .filter(token -> !token.isEmpty())
                .toList();
        FlushedTouchCounts.Snapshot stored = flushed.read(campaignId, tokens);
        Map<String, long[]> byDayChannel = new TreeMap<>();
        for (TouchCounts.Row row : stored.rows()) {
            long[] c = byDayChannel.computeIfAbsent(row.day() + "|" + row.channel(), k -> new long[2]);
            c[0] += row.raw();
            c[1] += row.unique();
        }
        for (List<String> batch : pending) {
            if (stored.applied().contains(batch.get(0))) {
                continue;
            }
            for (int i = 1; i + 1 < batch.size(); i += 2) {
                add(byDayChannel, batch.get(i), batch.get(i + 1));
            }
        }
        return new TouchCounts(rows(byDayChannel));
    }

    /** Adds a counter field ({@code day|channel|raw} or {@code day|channel|unique}) to its day and channel. */
    private static void add(Map<String, long[]> byDayChannel, String field, String value) {
        long[] c = byDayChannel.computeIfAbsent(field.substring(0, field.lastIndexOf('|')), k -> new long[2]);
        c[field.endsWith("|raw") ? 0 : 1] += Long.parseLong(value);
    }

    private static List<TouchCounts.Row> rows(Map<String, long[]> byDayChannel) {
        List<TouchCounts.Row> rows = new ArrayList<>();
        byDayChannel.forEach((key, c) -> {
            String[] parts = key.split("\\|");
            rows.add(new TouchCounts.Row(LocalDate.parse(parts[0]), parts[1], c[0], c[1]));
        });
        return rows;
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

    String batchesKey(long campaignId) {
        return prefix + "touches-batches:{" + campaignId + "}";
    }

    String batchKey(long campaignId, String token) {
        return prefix + "touches-batch:{" + campaignId + "}:" + token;
    }

    @Override
    public Set<Long> dirtyCampaigns() {
        Set<String> campaigns = redis.opsForSet().members(dirtyKey());
        return campaigns == null
                ? Set.of()
                : campaigns.stream().map(Long::parseLong).collect(Collectors.toCollection(TreeSet::new));
    }

    @Override
    public Set<String> cut(long campaignId) {
        String token = UUID.randomUUID().toString();
        redis.execute(
                CUT, List.of(countersKey(campaignId), batchKey(campaignId, token), batchesKey(campaignId)), token);
        Set<String> tokens = redis.opsForSet().members(batchesKey(campaignId));
        return tokens == null ? Set.of() : tokens;
    }

    @Override
    public List<TouchCounts.Row> batch(long campaignId, String token) {
        Map<String, long[]> byDayChannel = new TreeMap<>();
        redis.<String, String>opsForHash()
                .entries(batchKey(campaignId, token))
                .forEach((field, value) -> add(byDayChannel, field, value));
        return rows(byDayChannel);
    }

    @Override
    public void forget(long campaignId, String token) {
        redis.delete(batchKey(campaignId, token));
        redis.opsForSet().remove(batchesKey(campaignId), token);
    }

    @Override
    public void clean(long campaignId) {
        redis.execute(
                CLEAN, List.of(countersKey(campaignId), batchesKey(campaignId), dirtyKey()), Long.toString(campaignId));
    }
}
