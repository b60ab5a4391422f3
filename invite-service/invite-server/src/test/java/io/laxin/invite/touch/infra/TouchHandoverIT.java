package io.laxin.invite.touch.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.laxin.invite.InviteItSupport;
import io.laxin.invite.touch.application.FlushingTouchCounts;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

/** A flush that dies half-way neither loses nor doubles counts, and counts stay exact meanwhile. */
class TouchHandoverIT extends InviteItSupport {

    @Autowired
    RedisTouches touches;

    @Autowired
    FlushingTouchCounts flushing;

    @Autowired
    StringRedisTemplate redis;

    private long touchedTwice(String user, String device) {
        long c = createCampaign();
        String code = codeOf(c, user);
        touch(code, device);
        touch(code, device + "-2");
        return c;
    }

    /** What the first step of a flush leaves: the live counters renamed to a registered batch. */
    private String cut(long campaign) {
        String token = "t-" + campaign;
        redis.rename(touches.countersKey(campaign), touches.batchKey(campaign, token));
        redis.opsForSet().add(touches.batchesKey(campaign), token);
        return token;
    }

    private long inMySql(long campaign) {
        Long n = jdbc.queryForObject(
                "SELECT COALESCE(SUM(raw_count), 0) FROM touch_count WHERE campaign_id = ?", Long.class, campaign);
        return n == null ? 0 : n;
    }

    @Test
    void shouldApplyABatchLeftBeforeItReachedMySqlExactlyOnce() {
        long c = touchedTwice("ho-alice", "ho-dev");
        cut(c);

        assertThat(touches.counts(c).raw()).isEqualTo(2);
        flushing.flushAll();
        flushing.flushAll();

        assertThat(inMySql(c)).isEqualTo(2);
        assertThat(touches.counts(c).raw()).isEqualTo(2);
    }

    @Test
    void shouldNotApplyAgainABatchMySqlAlreadyHas() {
        long c = touchedTwice("ho-bob", "ho-dev-b");
        String token = cut(c);
        // the flush committed to MySQL, then died before forgetting the batch in Redis
        jdbc.update("INSERT INTO touch_flush (token, campaign_id, flushed_at) VALUES (?, ?, NOW())", token, c);
        jdbc.update(
                "INSERT INTO touch_count (campaign_id, count_day, channel, raw_count, unique_count) VALUES (?, ?, ?, 2, 2)",
                c,
                LocalDate.now(ZoneOffset.UTC),
                "moments");

        assertThat(touches.counts(c).raw()).isEqualTo(2);
        redis.opsForSet().add(touches.dirtyKey(), Long.toString(c));
        flushing.flushAll();

        assertThat(inMySql(c)).isEqualTo(2);
        assertThat(touches.counts(c).raw()).isEqualTo(2);
        assertThat(redis.hasKey(touches.batchKey(c, token))).isFalse();
    }
}
