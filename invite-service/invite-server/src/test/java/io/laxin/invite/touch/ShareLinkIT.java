package io.laxin.invite.touch;

import static io.laxin.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.laxin.invite.InviteItSupport;
import io.laxin.invite.touch.infra.TouchCountFlusher;
import io.laxin.kernel.identity.Caller;
import io.laxin.testsupport.TestHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

class ShareLinkIT extends InviteItSupport {

    private static final String PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0) MicroMessenger/8.0.44";

    @Autowired
    TouchCountFlusher flusher;

    @Autowired
    org.springframework.data.redis.core.StringRedisTemplate redis;

    /** This context's keys only: the machine's Redis also holds other runs' keys, which live for days. */
    @Value("${laxin.redis.key-prefix}")
    String prefix;

    @AfterEach
    void dropFault() {
        jdbc.execute("DROP TRIGGER IF EXISTS fail_touch_count");
    }

    private TestHttp visitor(String device) {
        TestHttp http = as(Caller.anonymous()).header("User-Agent", PHONE);
        return device == null ? http : http.header("X-Device-Id", device);
    }

    private JsonNode stats(long campaign) {
        return operator().get("/api/v1/admin/campaigns/" + campaign + "/stats").json();
    }

    @Test
    void shouldCountTheTouchAndRedirectToTheLandingPage() {
        long campaign = createCampaign();
        String code = codeOf(campaign, "wes");

        var r = visitor("dev-w1").get("/s/" + code.toLowerCase() + "?ch=moments");

        assertThat(r.status()).isEqualTo(302);
        assertThat(r.header("Location"))
                .isEqualTo("https://brand.example/register?src=laxin&inviteCode=" + code
                        + "&channel=moments&laxinDevice=" + deviceTokenIn(r.header("Location")));
        assertThat(stats(campaign).get("touches").asLong()).isEqualTo(1);
        assertThat(stats(campaign).get("uniqueTouches").asLong()).isEqualTo(1);
    }

    @Test
    void shouldCountAVisitWithAnOverlongDeviceIdButKeepNothingOfTheId() {
        long campaign = createCampaign();
        String code = codeOf(campaign, "lon");
        String huge = "q".repeat(3800);

        var r = visitor(huge).get("/s/" + code + "?ch=moments");
        as(Caller.anonymous()).header("User-Agent", PHONE).get("/s/" + code + "?ch=moments&d=" + "p".repeat(129));
        visitor("dev-usable-1").get("/s/" + code + "?ch=moments");

        assertThat(r.status()).isEqualTo(302);
        assertThat(stats(campaign).get("touches").asLong()).isEqualTo(3);
        // the unusable ids are stored nowhere in Redis; a usable one tells the visitor apart, but only the device
        // token the visit answered is kept for attribution (ADR 0005)
        assertThat(redis.keys(prefix + "*" + "q".repeat(100) + "*")).isEmpty();
        assertThat(redis.keys(prefix + "*" + "p".repeat(100) + "*")).isEmpty();
        assertThat(redis.keys(prefix + "*visitor*:d:dev-usable-1")).isNotEmpty();
        assertThat(redis.keys(prefix + "*device-touch*:dev-usable-1:*")).isEmpty();
        assertThat(redis.keys(prefix + "*device-touch*:" + deviceTokenIn(r.header("Location")) + ":*"))
                .hasSize(2);
    }

    @Test
    void shouldCountARepeatVisitWithinTheHourAsRawOnly() {
        long campaign = createCampaign();
        String code = codeOf(campaign, "xan");

        visitor("dev-x1").get("/s/" + code + "?ch=group");
        visitor("dev-x1").get("/s/" + code + "?ch=group");
        visitor("dev-x2").get("/s/" + code + "?ch=group");
        visitor(null).header("X-Forwarded-For", "198.51.100.9").get("/s/" + code);
        visitor(null).header("X-Forwarded-For", "198.51.100.9").get("/s/" + code);

        assertThat(stats(campaign).get("touches").asLong()).isEqualTo(5);
        assertThat(stats(campaign).get("uniqueTouches").asLong()).isEqualTo(3);
    }

    @Test
    void shouldNotCountHeadRequestsOrLinkPreviewBots() {
        long campaign = createCampaign();
        String code = codeOf(campaign, "xia");

        var head = visitor("dev-h").send("HEAD", "/s/" + code, null);
        var preview = as(Caller.anonymous())
                .header("User-Agent", "facebookexternalhit/1.1")
                .get("/s/" + code);
        var whatsapp = as(Caller.anonymous())
                .header("User-Agent", "WhatsApp/2.23.20 A")
                .get("/s/" + code);

        assertThat(head.status()).isEqualTo(302);
        assertThat(preview.status()).isEqualTo(302);
        assertThat(whatsapp.status()).isEqualTo(302);
        assertThat(stats(campaign).get("touches").asLong()).isZero();
    }

    @Test
    void shouldMoveCountsToMySqlInBatchesWithoutChangingThem() {
        long campaign = createCampaign();
        String code = codeOf(campaign, "yan");
        visitor("dev-y1").get("/s/" + code + "?ch=poster");
        visitor("dev-y2").get("/s/" + code + "?ch=poster");
        visitor("dev-y2").get("/s/" + code + "?ch=link");

        flusher.flush();

        assertThat(jdbc.queryForObject(
                        "SELECT SUM(raw_count) FROM touch_count WHERE campaign_id = ?", Long.class, campaign))
                .isEqualTo(3);
        assertThat(jdbc.queryForObject(
                        "SELECT unique_count FROM touch_count WHERE campaign_id = ? AND channel = 'poster'",
                        Long.class,
                        campaign))
                .isEqualTo(2);
        assertThat(stats(campaign).get("touches").asLong()).isEqualTo(3);
        visitor("dev-y3").get("/s/" + code + "?ch=poster");
        assertThat(stats(campaign).get("touches").asLong()).isEqualTo(4);
    }

    @Test
    void shouldKeepCountsInRedisWhenTheDatabaseRefusesAFlush() {
        long campaign = createCampaign();
        String code = codeOf(campaign, "zed");
        visitor("dev-z1").get("/s/" + code);
        jdbc.execute("CREATE TRIGGER fail_touch_count BEFORE INSERT ON touch_count FOR EACH ROW "
                + "SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'injected failure'");

        flusher.flush();
        assertThat(stats(campaign).get("touches").asLong()).isEqualTo(1);

        jdbc.execute("DROP TRIGGER fail_touch_count");
        flusher.flush();
        assertThat(jdbc.queryForObject(
                        "SELECT SUM(raw_count) FROM touch_count WHERE campaign_id = ?", Long.class, campaign))
                .isEqualTo(1);
        assertThat(stats(campaign).get("touches").asLong()).isEqualTo(1);
    }

    @Test
    void shouldRefuseMalformedAndUnknownCodesWithoutCounting() {
        assertProblem(as(Caller.anonymous()).get("/s/not-a-code"), 400, "INVITE_CODE_MALFORMED");
        assertProblem(as(Caller.anonymous()).get("/s/ZZZZZZZZ"), 404, "INVITE_CODE_NOT_FOUND");
    }
}
