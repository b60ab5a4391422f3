package io.laxin.antifraud.screening;

import static io.laxin.antifraud.screening.ScreeningIT.ruleIds;
import static org.assertj.core.api.Assertions.assertThat;

import io.laxin.antifraud.AntifraudIT;
import io.laxin.antifraud.api.ScreeningApi;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Redis losing antifraud's state (flushed, or restarted without its files) must not reset a ring's velocity nor make
 * screening forget identities: what decides is rebuilt from the stored screenings (ADR 0009). Redis is shared, so
 * "losing" deletes only this context's antifraud keys (its own {@code laxin.redis.key-prefix}).
 */
class RedisLossIT extends AntifraudIT {

    /** One fixed hour, so the ring's registrations share their hour and day windows whenever the test runs. */
    private static final Instant HOUR = Instant.parse("2026-11-02T10:15:00Z");

    @Autowired
    StringRedisTemplate redis;

    @Value("${laxin.redis.key-prefix}")
    String keyPrefix;

    private void loseRedisState() {
        Set<String> keys = new HashSet<>();
        try (Cursor<String> c = redis.scan(ScanOptions.scanOptions()
                .match(keyPrefix + "antifraud:*")
                .count(1000)
                .build())) {
            c.forEachRemaining(keys::add);
        }
        assertThat(keys).allMatch(k -> k.startsWith(keyPrefix));
        redis.delete(keys);
    }

    private JsonNode screen(Map<String, Object> body) {
        var r = asInviteService().post(ScreeningApi.PATH, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private static Map<String, Object> registration(long campaign, String ip, Instant at) {
        Map<String, Object> m = new HashMap<>();
        m.put("campaignId", campaign);
        m.put("referrerUserId", unique("ref"));
        m.put("inviteeUserId", unique("inv"));
        m.put("inviteeDeviceId", unique("dev"));
        m.put("ip", ip);
        m.put("registeredAt", at.toString());
        return m;
    }

    @Test
    void shouldKeepARingsVelocityWhenRedisLosesItsState() {
        long campaign = newCampaign();
        String ip = freshIp();
        for (int i = 0; i < 5; i++) {
            assertThat(ruleIds(screen(registration(campaign, ip, HOUR.plusSeconds(i)))))
                    .doesNotContain("IP_VELOCITY");
        }
        assertThat(ruleIds(screen(registration(campaign, ip, HOUR.plusSeconds(5)))))
                .contains("IP_VELOCITY");

        loseRedisState();

        JsonNode seventh = screen(registration(campaign, ip, HOUR.plusSeconds(6)));
        assertThat(ruleIds(seventh)).contains("IP_VELOCITY");
        assertThat(seventh.get("reasons").toString()).contains("7 registrations from IP " + ip);
        // the window is back in Redis: the next one counts on from there without asking the database again
        long hour = HOUR.getEpochSecond() / 3600;
        assertThat(redis.opsForSet().size(keyPrefix + "antifraud:ip:" + ip + ":h" + hour))
                .isEqualTo(7);
        assertThat(screen(registration(campaign, ip, HOUR.plusSeconds(7)))
                        .get("reasons")
                        .toString())
                .contains("8 registrations from IP " + ip);
    }

    @Test
    void shouldRememberIdentitiesWhenRedisLosesItsState() {
        long campaign = newCampaign();
        String phone = unique("phone-hash");
        Map<String, Object> first = registration(campaign, freshIp(), HOUR);
        first.put("inviteePhoneHash", phone);
        assertThat(ruleIds(screen(first))).doesNotContain("PHONE_MOVED");

        String union = unique("union");
        for (int i = 0; i < 3; i++) {
            Map<String, Object> r = registration(campaign, freshIp(), HOUR.plusSeconds(i));
            r.put("inviteeUnionid", union);
            r.put("inviteeOpenid", unique("openid"));
            assertThat(ruleIds(screen(r))).doesNotContain("UNIONID_MANY_OPENIDS");
        }

        String openid = unique("openid");
        Map<String, Object> seen = registration(newCampaign(), freshIp(), HOUR);
        seen.put("inviteeOpenid", openid);
        assertThat(ruleIds(screen(seen))).doesNotContain("OPENID_FRESH");

        loseRedisState();

        Map<String, Object> second = registration(campaign, freshIp(), HOUR.plusSeconds(60));
        second.put("inviteePhoneHash", phone);
        JsonNode moved = screen(second);
        assertThat(ruleIds(moved)).contains("PHONE_MOVED");
        assertThat(moved.get("reasons").toString()).contains((String) first.get("inviteeUserId"));

        Map<String, Object> fourth = registration(campaign, freshIp(), HOUR.plusSeconds(60));
        fourth.put("inviteeUnionid", union);
        fourth.put("inviteeOpenid", unique("openid"));
        assertThat(ruleIds(screen(fourth))).contains("UNIONID_MANY_OPENIDS");

        Map<String, Object> again = registration(newCampaign(), freshIp(), HOUR.plusSeconds(4));
        again.put("inviteeOpenid", openid);
        assertThat(ruleIds(screen(again))).contains("OPENID_FRESH");
    }

    @Test
    void shouldNotFlagAFreshIdentityAfterRedisLostItsState() {
        loseRedisState();
        long campaign = newCampaign();
        Map<String, Object> r = registration(campaign, freshIp(), HOUR);
        r.put("inviteePhoneHash", unique("phone-hash"));
        r.put("inviteeUnionid", unique("union"));
        r.put("inviteeOpenid", unique("openid"));
        JsonNode decision = screen(r);
        assertThat(decision.get("verdict").asString()).isEqualTo("PASS");
        assertThat(decision.get("reasons")).isEmpty();
        // the same invitee's phone screened again (invite-service retrying) is not its own previous owner
        Map<String, Object> retry = registration(campaign, freshIp(), HOUR);
        retry.put("inviteeUserId", r.get("inviteeUserId"));
        retry.put("inviteePhoneHash", r.get("inviteePhoneHash"));
        loseRedisState();
        assertThat(screen(retry).get("reasons")).isEmpty();
    }
}
