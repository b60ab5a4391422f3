package io.laxin.invite.touch.infra;

import io.laxin.invite.touch.domain.DeviceTouch;
import io.laxin.invite.touch.domain.Touch;
import io.laxin.invite.touch.domain.TouchCounts;
import io.laxin.invite.touch.domain.Touches;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Touches counted in Redis — one round trip per touch (a Lua script: unique-visitor marker, raw and unique counters,
 * the device's first and latest touch) — and flushed to {@code touch_count} in MySQL by {@link TouchCountFlusher}.
 * Reads add what is still in Redis to what is in MySQL, so counts are exact whenever they are read.
 */
@Repository
class RedisTouches implements Touches {

    private static final RedisScript<Long> RECORD = RedisScript.of("""
            local unique = redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1])
            redis.call('HINCRBY', KEYS[2], ARGV[2] .. '|raw', 1)
            if unique then redis.call('HINCRBY', KEYS[2], ARGV[2] .. '|unique', 1) end
            redis.call('SADD', KEYS[3], ARGV[3])
            if ARGV[4] ~= '' then
              redis.call('SET', KEYS[4], ARGV[4], 'NX', 'EX', ARGV[5])
              redis.call('SET', KEYS[5], ARGV[4], 'EX', ARGV[5])
            end
            if unique then return 1 else return 0 end
            """, Long.class);

    private final StringRedisTemplate redis;
    private final JdbcTemplate jdbc;
    private final String prefix;

    RedisTouches(StringRedisTemplate redis, JdbcTemplate jdbc,
                 @Value("${laxin.redis.key-prefix:laxin:}") String keyPrefix) {
        this.redis = redis;
        this.jdbc = jdbc;
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
        String field = LocalDate.ofInstant(t.touchedAt(), ZoneOffset.UTC) + "|" + t.channel().tag();
        String device = t.deviceId() == null ? "" : t.deviceId();
        String deviceValue = t.deviceId() == null ? "" : t.code() + "|" + t.touchedAt().toEpochMilli();
        Long unique = redis.execute(RECORD,
                List.of(prefix + "visitor:{" + t.campaignId() + "}:" + t.code() + ":" + t.visitor(),
                        countersKey(t.campaignId()), dirtyKey(),
                        deviceKey(t.campaignId(), device, "first"), deviceKey(t.campaignId(), device, "last")),
                Long.toString(uniqueWindow.toSeconds()), field, Long.toString(t.campaignId()), deviceValue,
                Long.toString(keepFor.toSeconds()));
        return unique != null && unique == 1L;
    }

    @Override
    public TouchCounts counts(long campaignId) {
        Map<String, long[]> byDayChannel = new TreeMap<>();
        jdbc.query("SELECT day, channel, raw_count, unique_count FROM touch_count WHERE campaign_id = ?", rs -> {
            long[] c = byDayChannel.computeIfAbsent(rs.getDate(1).toLocalDate() + "|" + rs.getString(2),
                    k -> new long[2]);
            c[0] += rs.getLong(3);
            c[1] += rs.getLong(4);
        }, campaignId);
        redis.<String, String>opsForHash().entries(countersKey(campaignId)).forEach((field, value) -> {
            int last = field.lastIndexOf('|');
            long[] c = byDayChannel.computeIfAbsent(field.substring(0, last), k -> new long[2]);
            c[field.endsWith("|raw") ? 0 : 1] += Long.parseLong(value);
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
        return deviceTouch(deviceKey(campaignId, deviceId, "first"));
    }

    @Override
    public Optional<DeviceTouch> lastTouch(long campaignId, String deviceId) {
        return deviceTouch(deviceKey(campaignId, deviceId, "last"));
    }

    private Optional<DeviceTouch> deviceTouch(String key) {
        String v = redis.opsForValue().get(key);
        if (v == null) {
            return Optional.empty();
        }
        int sep = v.indexOf('|');
        return Optional.of(new DeviceTouch(v.substring(0, sep), Instant.ofEpochMilli(Long.parseLong(v.substring(sep + 1)))));
    }

    /** Writes one flushed batch of counter deltas. */
    void addToDatabase(long campaignId, Map<String, Long> deltas) {
        Map<String, long[]> rows = new TreeMap<>();
        deltas.forEach((field, value) -> {
            int last = field.lastIndexOf('|');
            rows.computeIfAbsent(field.substring(0, last), k -> new long[2])[field.endsWith("|raw") ? 0 : 1] += value;
        });
        rows.forEach((key, c) -> {
            String[] parts = key.split("\\|");
            Date day = Date.valueOf(LocalDate.parse(parts[0]));
            int updated = jdbc.update("UPDATE touch_count SET raw_count = raw_count + ?, unique_count = unique_count + ? "
                    + "WHERE campaign_id = ? AND day = ? AND channel = ?", c[0], c[1], campaignId, day, parts[1]);
            if (updated == 0) {
                try {
                    jdbc.update("INSERT INTO touch_count (campaign_id, day, channel, raw_count, unique_count) "
                            + "VALUES (?, ?, ?, ?, ?)", campaignId, day, parts[1], c[0], c[1]);
                } catch (org.springframework.dao.DuplicateKeyException raced) {
                    jdbc.update("UPDATE touch_count SET raw_count = raw_count + ?, unique_count = unique_count + ? "
                            + "WHERE campaign_id = ? AND day = ? AND channel = ?", c[0], c[1], campaignId, day, parts[1]);
                }
            }
        });
    }
}
