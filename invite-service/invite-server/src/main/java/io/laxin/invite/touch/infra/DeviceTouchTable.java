package io.laxin.invite.touch.infra;

import io.laxin.invite.touch.domain.DeviceTouch;
import io.laxin.invite.touch.domain.Touch;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The durable copy of a device's first and latest token-bound touch per campaign ({@code device_touch}, issue 14
 * item 13): written with every such touch, read beside Redis at registration (and alone when Redis does not answer).
 * One row per campaign and device; {@code expires_at} is the latest touch plus the attribution window, as the Redis
 * keys' time to live.
 */
@Repository
class DeviceTouchTable {

    /**
     * Keeps first_* unless the stored first touch is older than the window (then this touch is the new first, as when
     * the Redis key has expired); moves last_* forward only, so a late, older touch does not overtake. Columns are
     * assigned left to right in MySQL, so each {@code *_at} comes after the columns that compare it.
     */
    private static final String UPSERT = """
            INSERT INTO device_touch (campaign_id, device_id, first_code, first_channel, first_at,
                                      last_code, last_channel, last_at, expires_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE
              first_code = CASE WHEN first_at <= ? THEN VALUES(first_code) ELSE first_code END,
              first_channel = CASE WHEN first_at <= ? THEN VALUES(first_channel) ELSE first_channel END,
              first_at = CASE WHEN first_at <= ? THEN VALUES(first_at) ELSE first_at END,
              last_code = CASE WHEN VALUES(last_at) >= last_at THEN VALUES(last_code) ELSE last_code END,
              last_channel = CASE WHEN VALUES(last_at) >= last_at THEN VALUES(last_channel) ELSE last_channel END,
              expires_at = CASE WHEN VALUES(last_at) >= last_at THEN VALUES(expires_at) ELSE expires_at END,
              last_at = CASE WHEN VALUES(last_at) >= last_at THEN VALUES(last_at) ELSE last_at END
            """;

    private final JdbcTemplate jdbc;

    DeviceTouchTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One statement per device the touch is kept under durably (in practice one: its device token). */
    void remember(Touch t, String deviceId, Duration keepFor) {
        Timestamp at = Timestamp.from(t.touchedAt());
        Timestamp firstGoneBy = Timestamp.from(t.touchedAt().minus(keepFor));
        String channel = t.channel().tag();
        jdbc.update(
                UPSERT,
                t.campaignId(),
                deviceId,
                t.code(),
                channel,
                at,
                t.code(),
                channel,
                at,
                Timestamp.from(t.touchedAt().plus(keepFor)),
                firstGoneBy,
                firstGoneBy,
                firstGoneBy);
    }

    /**
     * The device's first touch still within its window at {@code now}: the window is the row's (expires_at - last_at),
     * so the first touch is gone, as its Redis key would be, once first_at + window has passed.
     */
    Optional<DeviceTouch> first(long campaignId, String deviceId, Instant now) {
        return jdbc
                .query(
                        "SELECT first_code, first_at, first_channel, last_at, expires_at FROM device_touch"
                                + " WHERE campaign_id = ? AND device_id = ? AND expires_at > ?",
                        (rs, i) -> {
                            Instant firstAt = rs.getTimestamp(2).toInstant();
                            Duration window = Duration.between(
                                    rs.getTimestamp(4).toInstant(),
                                    rs.getTimestamp(5).toInstant());
                            return Optional.of(new DeviceTouch(rs.getString(1), firstAt, rs.getString(3)))
                                    .filter(first ->
                                            first.touchedAt().plus(window).isAfter(now));
                        },
                        campaignId,
                        deviceId,
                        Timestamp.from(now))
                .stream()
                .flatMap(Optional::stream)
                .findFirst();
    }

    /** The device's latest touch, unless the attribution window has passed since ({@code expires_at}). */
    Optional<DeviceTouch> last(long campaignId, String deviceId, Instant now) {
        return jdbc
                .query(
                        "SELECT last_code, last_at, last_channel FROM device_touch"
                                + " WHERE campaign_id = ? AND device_id = ? AND expires_at > ?",
                        (rs, i) -> new DeviceTouch(
                                rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3)),
                        campaignId,
                        deviceId,
                        Timestamp.from(now))
                .stream()
                .findFirst();
    }

    /** Deletes up to {@code batch} rows expired before {@code now}; answers how many. */
    int deleteExpired(Instant now, int batch) {
        return jdbc.update("DELETE FROM device_touch WHERE expires_at <= ? LIMIT ?", Timestamp.from(now), batch);
    }
}
