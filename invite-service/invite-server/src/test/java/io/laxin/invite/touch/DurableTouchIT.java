package io.laxin.invite.touch;

import static org.assertj.core.api.Assertions.assertThat;

import io.laxin.invite.InviteItSupport;
import io.laxin.invite.touch.infra.ExpiredDeviceTouchCleanup;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Issue 14 item 13: a device's token-bound touches decide who brought whom, so they are kept in MySQL too
 * ({@code device_touch}); a Redis flush or failover that loses them still attributes the registration to the
 * link's owner, within the attribution window only.
 */
class DurableTouchIT extends InviteItSupport {

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    ExpiredDeviceTouchCleanup cleanup;

    /** This context's keys only: the machine's Redis is shared. */
    @Value("${laxin.redis.key-prefix}")
    String prefix;

    @AfterEach
    void realTime() {
        CLOCK.reset();
    }

    private long campaign(String bindingMode) {
        Map<String, Object> body = new HashMap<>(campaignBody("Durable touches " + Instant.now()));
        body.put("bindingMode", bindingMode);
        return createCampaign(body);
    }

    /** What a Redis flush or failover does to this device's touches: only its two keys, under this context's prefix. */
    private void loseTouchesInRedis(long campaign, String token) {
        String device = prefix + "invite:device-touch:{" + campaign + "}:" + token;
        Long deleted = redis.delete(List.of(device + ":first", device + ":last"));
        assertThat(deleted)
                .as("the device's first and last touch were in Redis")
                .isEqualTo(2L);
    }

    private io.laxin.testsupport.TestHttp.Response registerDevice(long campaign, String invitee, String token) {
        return report(Map.of("campaignId", campaign, "inviteeUserId", invitee, "deviceId", token));
    }

    @Test
    void shouldStillAttributeTheLinksOwnerWhenRedisLostTheTouch() {
        long c = campaign("FIRST_TOUCH");
        String alice = codeOf(c, "dt-alice");
        String token = touch(alice, null);

        loseTouchesInRedis(c, token);
        var r = registerDevice(c, "dt-friend", token);

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("referrerUserId").asString()).isEqualTo("dt-alice");
        assertThat(r.json().get("outcome").asString()).isEqualTo("ATTRIBUTED");
    }

    @Test
    void shouldKeepTheFirstTouchFirstWhenTheDeviceTouchesAgainAfterRedisLostIt() {
        long c = campaign("FIRST_TOUCH");
        String token = touch(codeOf(c, "ag-alice"), null);
        loseTouchesInRedis(c, token);
        CLOCK.advance(Duration.ofMinutes(10));
        // Redis now remembers this one as the device's first
        touch(codeOf(c, "ag-bob"), token);

        var r = registerDevice(c, "ag-friend", token);

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("referrerUserId").asString()).isEqualTo("ag-alice");
    }

    @Test
    void shouldKeepTheFirstTouchFirstAndMoveTheLastForward() {
        long first = campaign("FIRST_TOUCH");
        long last = campaign("LAST_TOUCH");
        String token = touch(codeOf(first, "fl-alice"), null);
        touch(codeOf(last, "fl-alice"), token);
        CLOCK.advance(Duration.ofHours(2));
        touch(codeOf(first, "fl-bob"), token);
        touch(codeOf(last, "fl-bob"), token);

        Map<String, Object> row = jdbc.queryForMap(
                "SELECT first_code, first_channel, last_code, last_channel"
                        + " FROM device_touch WHERE campaign_id = ? AND device_id = ?",
                first,
                token);
        assertThat(row.get("first_code")).isEqualTo(codeOf(first, "fl-alice"));
        assertThat(row.get("last_code")).isEqualTo(codeOf(first, "fl-bob"));
        assertThat(row.get("first_channel")).isEqualTo("moments");
        assertThat(row.get("last_channel")).isEqualTo("moments");
        List<Instant> times = jdbc.queryForObject(
                "SELECT first_at, last_at, expires_at FROM device_touch WHERE campaign_id = ? AND device_id = ?",
                (rs, i) -> List.of(
                        rs.getTimestamp(1).toInstant(),
                        rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3).toInstant()),
                first,
                token);
        Instant firstAt = times.get(0);
        Instant lastAt = times.get(1);
        Instant expiresAt = times.get(2);
        assertThat(Duration.between(firstAt, lastAt)).isGreaterThanOrEqualTo(Duration.ofHours(2));
        assertThat(expiresAt).isEqualTo(lastAt.plus(Duration.ofDays(7)));

        loseTouchesInRedis(first, token);
        loseTouchesInRedis(last, token);
        var byFirst = registerDevice(first, "fl-friend", token);
        var byLast = registerDevice(last, "fl-friend", token);

        assertThat(byFirst.status()).as(byFirst.toString()).isEqualTo(200);
        assertThat(byFirst.json().get("referrerUserId").asString()).isEqualTo("fl-alice");
        assertThat(byLast.status()).as(byLast.toString()).isEqualTo(200);
        assertThat(byLast.json().get("referrerUserId").asString()).isEqualTo("fl-bob");
    }

    @Test
    void shouldAttributeNothingFromAnExpiredTouchAndCleanItUp() {
        long c = campaign("FIRST_TOUCH");
        String token = touch(codeOf(c, "ex-alice"), null);
        loseTouchesInRedis(c, token);

        CLOCK.advance(Duration.ofDays(8));
        var r = registerDevice(c, "ex-friend", token);

        assertThat(r.status()).as(r.toString()).isEqualTo(422);
        assertThat(r.json().get("code").asString()).isEqualTo("NO_REFERRER_FOUND");
        assertThat(cleanup.deleteExpired()).isPositive();
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM device_touch WHERE campaign_id = ? AND device_id = ?",
                        Long.class,
                        c,
                        token))
                .isZero();
    }
}
