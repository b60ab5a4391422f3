package io.laxin.invite.funnel;

import static io.laxin.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.laxin.invite.InviteItSupport;
import io.laxin.invite.touch.infra.TouchCountFlusher;
import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.messaging.Topics;
import io.laxin.reward.api.event.OrderEventTags;
import io.laxin.reward.api.event.OrderPaidEvent;
import io.laxin.testsupport.FakeService;
import io.laxin.testsupport.RocketMqProbe;
import io.laxin.testsupport.TestHttp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/** The queries operators, users and the host read: funnel, K-factor, leaderboard, invitees, referrer of a user. */
class FunnelIT extends InviteItSupport {

    @Autowired
    TouchCountFlusher flusher;

    @Autowired
    Topics topics;

    @Autowired
    ApplicationContext context;

    @Value("${rocketmq.name-server}")
    String namesrv;

    @Value("${laxin.redis.key-prefix:laxin:}")
    String redisPrefix;

    @Autowired
    org.springframework.data.redis.core.StringRedisTemplate redis;

    @AfterEach
    void realTime() {
        CLOCK.reset();
        passAllScreenings();
    }

    private TestHttpResponse reg(long c, String invitee, String device, String code) {
        Map<String, Object> body = new HashMap<>(Map.of("campaignId", c, "inviteeUserId", invitee));
        if (device != null) {
            body.put("deviceId", device);
        }
        if (code != null) {
            body.put("inviteCode", code);
        }
        var r = report(body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return new TestHttpResponse(r.json());
    }

    private record TestHttpResponse(JsonNode json) {}

    @Test
    void shouldCountTheScriptedFunnelExactlyByDayAndChannel() {
        long c = createCampaign();
        String alice = codeOf(c, "fn-alice");
        String bob = codeOf(c, "fn-bob");
        // 6 opens from 4 devices: fn-d1 twice (1 unique), a crawler (not counted)
        String d1 = touch(alice, "fn-d1");
        touch(alice, "fn-d1");
        String d2 = touch(alice, "fn-d2");
        String d3 = touch(bob, "fn-d3");
        touch(bob, "fn-d4");
        as(Caller.anonymous()).header("User-Agent", "Googlebot/2.1").get("/s/" + bob);
        flusher.flush();
        touch(bob, "fn-d5");
        // registrations: 3 by touch (moments), 1 by typed code, 1 self-referral (rejected)
        reg(c, "fn-i1", d1, null);
        reg(c, "fn-i2", d2, null);
        reg(c, "fn-i3", d3, null);
        reg(c, "fn-i4", null, bob);
        reg(c, "fn-alice", null, alice);

        JsonNode funnel =
                operator().get("/api/v1/admin/campaigns/" + c + "/funnel").json();

        JsonNode totals = funnel.get("totals");
        assertThat(totals.get("touches").asLong()).isEqualTo(6);
        assertThat(totals.get("uniqueTouches").asLong()).isEqualTo(5);
        assertThat(totals.get("registrations").asLong()).isEqualTo(5);
        assertThat(totals.get("attributed").asLong()).isEqualTo(4);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        Map<String, JsonNode> byChannel = new HashMap<>();
        funnel.get("rows")
                .forEach(r -> byChannel.put(
                        r.get("day").asString() + "/" + r.get("channel").asString(), r));
        assertThat(byChannel.get(today + "/moments").get("registrations").asLong())
                .isEqualTo(3);
        assertThat(byChannel.get(today + "/code").get("registrations").asLong()).isEqualTo(2);
        assertThat(byChannel.get(today + "/code").get("attributed").asLong()).isEqualTo(1);
        assertThat(byChannel.get(today + "/code").get("touches").asLong()).isZero();

        JsonNode k =
                operator().get("/api/v1/admin/campaigns/" + c + "/k-factor").json();
        assertThat(k.get("referrers").asLong()).isEqualTo(2);
        assertThat(k.get("uniqueTouches").asLong()).isEqualTo(5);
        assertThat(k.get("attributed").asLong()).isEqualTo(4);
        assertThat(k.get("kFactor").asDouble()).isEqualTo(2.0);
    }

    private static String paid(String eventId, String buyer, String orderId, Instant paidAt) {
        return TestHttp.JSON.writeValueAsString(new OrderPaidEvent(
                eventId, "host", paidAt, OrderPaidEvent.SCHEMA_VERSION, orderId, buyer, 9900, paidAt));
    }

    @Test
    void shouldCountFirstOrdersFromTheOrderTopicInTheRegistrationDayCohort() {
        long c = createCampaign();
        String alice = codeOf(c, "fo-alice");
        String bob = codeOf(c, "fo-bob");
        // N = 5 touches (4 unique: fo-d1 twice)
        String d1 = touch(alice, "fo-d1");
        touch(alice, "fo-d1");
        String d2 = touch(alice, "fo-d2");
        String d3 = touch(alice, "fo-d3");
        touch(bob, "fo-d4");
        // M = 5 registrations, K = 4 attributed (fo-alice with her own code is rejected)
        reg(c, "fo-i1", d1, null);
        reg(c, "fo-i2", d2, null);
        reg(c, "fo-i3", d3, null);
        reg(c, "fo-i4", null, bob);
        reg(c, "fo-alice", null, alice);
        // F = 3 first orders: i1 (its event delivered twice, then a second order), i2, i4; the rejected invitee's
        // and a stranger's orders count for nothing
        Instant paidAt = CLOCK.instant().plusSeconds(60);
        String i1 = paid(java.util.UUID.randomUUID().toString(), "fo-i1", "fo-order-1", paidAt);
        Map<String, String> events = new LinkedHashMap<>();
        events.put("fo-e2", paid("fo-e2-" + c, "fo-i1", "fo-order-2", paidAt.plusSeconds(60)));
        events.put("fo-e3", paid("fo-e3-" + c, "fo-i2", "fo-order-3", paidAt));
        events.put("fo-e4", paid("fo-e4-" + c, "fo-i4", "fo-order-4", paidAt));
        events.put("fo-e5", paid("fo-e5-" + c, "fo-alice", "fo-order-5", paidAt));
        events.put("fo-e6", paid("fo-e6-" + c, "fo-stranger", "fo-order-6", paidAt));
        long before = RocketMqProbe.consumed(context, topics.order());
        RocketMqProbe.send(namesrv, topics.order(), OrderEventTags.ORDER_PAID, "fo-e1", i1);
        RocketMqProbe.send(namesrv, topics.order(), OrderEventTags.ORDER_PAID, "fo-e1", i1);
        RocketMqProbe.sendAll(namesrv, topics.order(), OrderEventTags.ORDER_PAID, events);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> RocketMqProbe.consumed(context, topics.order()) >= before + 7);

        JsonNode funnel =
                operator().get("/api/v1/admin/campaigns/" + c + "/funnel").json();

        JsonNode totals = funnel.get("totals");
        assertThat(totals.get("touches").asLong()).isEqualTo(5);
        assertThat(totals.get("uniqueTouches").asLong()).isEqualTo(4);
        assertThat(totals.get("registrations").asLong()).isEqualTo(5);
        assertThat(totals.get("attributed").asLong()).isEqualTo(4);
        assertThat(totals.get("firstOrders").asLong()).isEqualTo(3);
        assertThat(funnel.get("firstOrders").asLong()).isEqualTo(3);
        String today = LocalDate.ofInstant(CLOCK.instant(), ZoneOffset.UTC).toString();
        Map<String, JsonNode> rows = new HashMap<>();
        funnel.get("rows")
                .forEach(r -> rows.put(
                        r.get("day").asString() + "/" + r.get("channel").asString(), r));
        assertThat(rows).containsOnlyKeys(today + "/moments", today + "/code");
        assertThat(rows.get(today + "/moments").get("attributed").asLong()).isEqualTo(3);
        assertThat(rows.get(today + "/moments").get("firstOrders").asLong()).isEqualTo(2);
        assertThat(rows.get(today + "/code").get("registrations").asLong()).isEqualTo(2);
        assertThat(rows.get(today + "/code").get("firstOrders").asLong()).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT first_order_id FROM referral WHERE campaign_id = ? AND " + "invitee_user_id = 'fo-i1'",
                        String.class,
                        c))
                .isEqualTo("fo-order-1");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM processed_event WHERE consumer = "
                                + "'invite-service-first-orders' AND event_id LIKE ?",
                        Long.class,
                        "fo-e%-" + c))
                .isEqualTo(5);
    }

    /**
     * A campaign whose referrers {prefix}-top (2 invitees), {prefix}-early (1) and {prefix}-late (1, five minutes
     * after early) brought {prefix}-1 … -4; returns its id.
     */
    private long rankedCampaign(String prefix) {
        long c = createCampaign();
        String early = codeOf(c, prefix + "-early");
        String late = codeOf(c, prefix + "-late");
        String top = codeOf(c, prefix + "-top");
        reg(c, prefix + "-1", null, early);
        CLOCK.advance(Duration.ofMinutes(5));
        reg(c, prefix + "-2", null, late);
        reg(c, prefix + "-3", null, top);
        reg(c, prefix + "-4", null, top);
        return c;
    }

    @Test
    void shouldRankReferrersByInviteesWithTiesToWhoeverGotThereFirst() {
        long c = rankedCampaign("lb");

        JsonNode board = as(Caller.user("lb-late"))
                .get("/api/v1/campaigns/" + c + "/leaderboard?top=3")
                .json();

        assertThat(board).hasSize(3);
        assertThat(board.get(0).get("referrer").asString()).isEqualTo("l***p");
        assertThat(board.get(0).get("invitees").asLong()).isEqualTo(2);
        assertThat(board.get(1).get("referrer").asString()).isEqualTo("l***y");
        assertThat(board.get(2).get("referrer").asString()).isEqualTo("l***e");
        assertThat(board.get(2).get("me").asBoolean()).isTrue();
        assertThat(board.get(1).get("me").asBoolean()).isFalse();
        assertProblem(
                as(Caller.user("x")).get("/api/v1/campaigns/" + c + "/leaderboard?top=0"), 400, "VALIDATION_FAILED");

        JsonNode internal = as(Caller.service("poster-service"))
                .get("/internal/campaigns/" + c + "/top-referrers?limit=2")
                .json();
        assertThat(internal).hasSize(2);
        assertThat(internal.get(0).get("userId").asString()).isEqualTo("lb-top");
        assertThat(internal.get(1).get("userId").asString()).isEqualTo("lb-early");
        assertThat(internal.get(1).get("rank").asInt()).isEqualTo(2);
        assertProblem(
                as(Caller.user("lb-top")).get("/internal/campaigns/" + c + "/top-referrers?limit=2"), 403, "FORBIDDEN");
    }

    @Test
    void shouldRebuildTheLeaderboardFromMySqlWithTheSameRanking() {
        long c = rankedCampaign("rb");
        List<String> expected = List.of("1:rb-top:2", "2:rb-early:1", "3:rb-late:1");
        assertThat(ranking(c)).isEqualTo(expected);
        String board = redisPrefix + "invite:leaderboard:{" + c + "}";

        // corrupted: a referrer over-counted, another gone
        redis.opsForZSet().add(board, "rb-late", 9e10);
        redis.opsForZSet().remove(board, "rb-top");
        assertThat(ranking(c)).isNotEqualTo(expected);
        var rebuilt = operator().post("/api/v1/admin/campaigns/" + c + "/leaderboard/rebuild", Map.of());
        assertThat(rebuilt.status()).as(rebuilt.toString()).isEqualTo(200);
        assertThat(rebuilt.json().get("referrers").asLong()).isEqualTo(3);
        assertThat(rebuilt.json().get("attributed").asLong()).isEqualTo(4);
        assertThat(ranking(c)).isEqualTo(expected);

        // lost: the board alone, then the board and its counted referrals — the next read rebuilds it
        redis.delete(board);
        assertThat(ranking(c)).isEqualTo(expected);
        redis.delete(List.of(board, board + ":counted"));
        assertThat(ranking(c)).isEqualTo(expected);
        // lost, then a new attribution before any read: it rebuilds rather than count alone on an empty board
        redis.delete(List.of(board, board + ":counted"));
        reg(c, "rb-5", null, codeOf(c, "rb-late"));
        assertThat(ranking(c)).containsExactly("1:rb-top:2", "2:rb-late:2", "3:rb-early:1");
        assertThat(redis.keys(board + "*")).containsExactlyInAnyOrder(board, board + ":counted");

        assertProblem(
                as(Caller.user("rb-top")).post("/api/v1/admin/campaigns/" + c + "/leaderboard/rebuild", Map.of()),
                403,
                "FORBIDDEN");
    }

    @Test
    void shouldCountFiftyConcurrentInviteesOnTheLeaderboard() throws Exception {
        long c = createCampaign();
        String code = codeOf(c, "lb50-alice");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            List<java.util.concurrent.Callable<Object>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String invitee = "lb50-" + i;
                calls.add(() -> reg(c, invitee, null, code));
            }
            for (var f : pool.invokeAll(calls)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        JsonNode board = as(Caller.user("lb50-alice"))
                .get("/api/v1/campaigns/" + c + "/leaderboard")
                .json();
        assertThat(board.get(0).get("invitees").asLong()).isEqualTo(50);
    }

    @Test
    void shouldNotRankReferralsHeldForReview() {
        long c = createCampaign();
        String code = codeOf(c, "rv-alice");
        ANTIFRAUD.on(
                "/internal/screenings",
                r -> FakeService.Answer.json(
                        Map.of("screeningId", "s-2", "verdict", "REVIEW", "score", 60, "reasons", List.of())));

        reg(c, "rv-bob", null, code);

        assertThat(as(Caller.user("rv-alice"))
                        .get("/api/v1/campaigns/" + c + "/leaderboard")
                        .json())
                .isEmpty();
    }

    @Test
    void shouldShowMyInviteesMaskedAndTellTheHostWhoReferredWhom() {
        long c = createCampaign();
        String code = codeOf(c, "mi-alice");
        report(Map.of("campaignId", c, "inviteeUserId", "mi-bob", "inviteCode", code, "phone", "13512345678"));
        report(Map.of("campaignId", c, "inviteeUserId", "mi-carol", "inviteCode", code));

        JsonNode mine = as(Caller.user("mi-alice"))
                .get("/api/v1/invites/mine/invitees?campaignId=" + c)
                .json();
        JsonNode referrer =
                host().get("/api/v1/host/referrals?inviteeUserId=mi-bob").json();

        assertThat(mine).hasSize(2);
        assertThat(mine.get(0).get("invitee").asString()).isEqualTo("m***l");
        assertThat(mine.get(1).get("invitee").asString()).isEqualTo("135****5678");
        assertThat(mine.get(1).get("status").asString()).isEqualTo("ATTRIBUTED");
        assertThat(referrer).hasSize(1);
        assertThat(referrer.get(0).get("referrerUserId").asString()).isEqualTo("mi-alice");
        assertThat(referrer.get(0).get("campaignId").asLong()).isEqualTo(c);
        assertProblem(as(Caller.user("mi-alice")).get("/api/v1/host/referrals?inviteeUserId=mi-bob"), 403, "FORBIDDEN");
    }
}
