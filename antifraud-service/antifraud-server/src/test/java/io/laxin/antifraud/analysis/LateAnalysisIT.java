package io.laxin.antifraud.analysis;

import static io.laxin.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.laxin.antifraud.AntifraudIT;
import io.laxin.antifraud.analysis.application.LateAnalysis;
import io.laxin.antifraud.api.ScreeningApi;
import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.job.Jobs;
import io.laxin.kernel.messaging.Topics;
import io.laxin.reward.api.event.OrderEventTags;
import io.laxin.reward.api.event.OrderPaidEvent;
import io.laxin.testsupport.RocketMqProbe;
import io.laxin.testsupport.TestHttp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class LateAnalysisIT extends AntifraudIT {

    @Autowired
    Topics topics;

    @Autowired
    ApplicationContext context;

    @Autowired
    PlatformTransactionManager txm;

    @Autowired
    JsonMapper json;

    @Autowired
    Clock clock;

    @Value("${rocketmq.name-server}")
    String namesrv;

    private String screen(long campaign, String referrer, String invitee, String device, String ip, Instant at) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "campaignId",
                campaign,
                "referrerUserId",
                referrer,
                "inviteeUserId",
                invitee,
                "inviteeDeviceId",
                device,
                "ip",
                ip,
                "registeredAt",
                at.toString()));
        var r = asInviteService().post(ScreeningApi.PATH, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("verdict").asString();
    }

    private JsonNode run() {
        var r = asOps("op-1").post("/api/v1/admin/risk/analysis/runs", Map.of());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private Map<String, Object> caseOf(long campaign, String invitee) {
        return jdbc.queryForMap(
                "SELECT id, status, rule_ids, decided_by FROM risk_case WHERE campaign_id = ? "
                        + "AND invitee_user_id = ?",
                campaign,
                invitee);
    }

    @Test
    void shouldLetAScopedHostReportActivityOnlyInItsCampaigns() {
        String user = unique("scoped");
        TestHttp scoped = TestHttp.at("http://127.0.0.1:" + port).as(Caller.host("brand-s", java.util.Set.of(12L)));

        assertProblem(
                scoped.post("/api/v1/host/risk/activity", Map.of("userId", user, "kind", "ORDER", "campaignId", 13)),
                403,
                "CAMPAIGN_OUT_OF_SCOPE");
        assertProblem(
                scoped.post("/api/v1/host/risk/activity", Map.of("userId", user, "kind", "ORDER")),
                400,
                "VALIDATION_FAILED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM risk_activity WHERE user_id = ?", Integer.class, user))
                .isZero();
        var ok = scoped.post("/api/v1/host/risk/activity", Map.of("userId", user, "kind", "ORDER", "campaignId", 12));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
    }

    @Test
    void shouldRejectAReferralRingAfterTheFactAndPublishTheVerdict() {
        long campaign = newCampaign();
        String a = unique("ring-a");
        String b = unique("ring-b");
        String c = unique("ring-c");
        Instant now = Instant.now();
        assertThat(screen(campaign, a, b, unique("d"), freshIp(), now)).isEqualTo("PASS");
        assertThat(screen(campaign, b, c, unique("d"), freshIp(), now)).isEqualTo("PASS");
        assertThat(screen(campaign, c, a, unique("d"), freshIp(), now)).isEqualTo("PASS");
        String honest = unique("honest");
        screen(campaign, a, honest, unique("d"), freshIp(), now);

        JsonNode report = run();
        assertThat(report.get("ran").asBoolean()).isTrue();
        assertThat(report.get("rings").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(report.get("ringRejections").asInt()).isGreaterThanOrEqualTo(3);
        for (String member : new String[] {a, b, c}) {
            Map<String, Object> rc = caseOf(campaign, member);
            assertThat(rc.get("status")).isEqualTo("REJECTED");
            assertThat((String) rc.get("rule_ids")).contains("REFERRAL_RING");
            assertThat(rc.get("decided_by")).isEqualTo("late-analysis");
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM risk_case WHERE invitee_user_id = ?", Long.class, honest))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM outbox_event WHERE tag = 'RISK_DECIDED' AND payload LIKE ?"
                                + " AND payload LIKE ?",
                        Long.class,
                        "%\"campaignId\":" + campaign + ",%",
                        "%\"verdict\":\"REJECT\"%"))
                .isEqualTo(3);

        // a second run raises nothing new
        run();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM risk_case WHERE campaign_id = ?", Long.class, campaign))
                .isEqualTo(3);
    }

    @Test
    void shouldOpenCasesForInviteesPackedOnFewDevices() {
        long campaign = newCampaign();
        String farmer = unique("farmer");
        Instant now = Instant.now();
        // 6 invitees on 2 devices over 3 days: each day stays under the device rule, together they are a cluster
        for (int day = 0; day < 3; day++) {
            for (int dev = 0; dev < 2; dev++) {
                assertThat(screen(
                                campaign,
                                farmer,
                                unique("f"),
                                farmer + "-dev" + dev,
                                freshIp(),
                                now.minus(Duration.ofDays(day))))
                        .isEqualTo("PASS");
            }
        }
        String popular = unique("popular");
        for (int i = 0; i < 5; i++) { // five friends on five phones: not a cluster (and under the burst rule)
            assertThat(screen(campaign, popular, unique("p"), unique("d"), freshIp(), now))
                    .isEqualTo("PASS");
        }
        JsonNode report = run();
        assertThat(report.get("clusterCases").asInt()).isGreaterThanOrEqualTo(6);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM risk_case WHERE campaign_id = ? AND referrer_user_id = ? "
                                + "AND status = 'OPEN' AND rule_ids LIKE '%DENSE_CLUSTER%'",
                        Long.class, campaign, farmer))
                .isEqualTo(6);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM risk_case WHERE referrer_user_id = ?", Long.class, popular))
                .isZero();
    }

    @Test
    void shouldRaiseZombieInviteesButNotActiveOnes() {
        long campaign = newCampaign();
        Instant tenDaysAgo = Instant.now().minus(Duration.ofDays(10));
        String zombie = unique("zombie");
        String active = unique("active");
        String recent = unique("recent");
        screen(campaign, unique("ref"), zombie, unique("d"), freshIp(), tenDaysAgo);
        screen(campaign, unique("ref"), active, unique("d"), freshIp(), tenDaysAgo);
        screen(campaign, unique("ref"), recent, unique("d"), freshIp(), Instant.now());

        var reported = asHost().post(
                        "/api/v1/host/risk/activity",
                        Map.of(
                                "userId",
                                active,
                                "kind",
                                "ORDER",
                                "occurredAt",
                                tenDaysAgo.plus(Duration.ofDays(2)).toString(),
                                "campaignId",
                                campaign));
        assertThat(reported.status()).as(reported.toString()).isEqualTo(200);
        assertThat(reported.json().get("recorded").asBoolean()).isTrue();
        assertThat(asHost().post(
                                "/api/v1/host/risk/activity",
                                Map.of(
                                        "userId",
                                        active,
                                        "kind",
                                        "ORDER",
                                        "occurredAt",
                                        tenDaysAgo.plus(Duration.ofDays(2)).toString()))
                        .json()
                        .get("recorded")
                        .asBoolean())
                .isFalse();
        assertProblem(
                TestHttp.at("http://127.0.0.1:" + port)
                        .as(Caller.user("mallory"))
                        .post("/api/v1/host/risk/activity", Map.of("userId", "x", "kind", "ORDER")),
                403,
                "FORBIDDEN");
        assertProblem(asHost().post("/api/v1/host/risk/activity", Map.of("kind", "ORDER")), 400, "VALIDATION_FAILED");
        for (String implausible : new String[] {"2999-01-01T00:00:00Z", "1970-01-01T00:00:00Z"}) {
            assertProblem(
                    asHost().post(
                                    "/api/v1/host/risk/activity",
                                    Map.of("userId", recent, "kind", "LOGIN", "occurredAt", implausible)),
                    400,
                    "VALIDATION_FAILED");
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM risk_activity WHERE user_id = ?", Integer.class, recent))
                .as("an implausible time writes nothing")
                .isZero();

        JsonNode report = run();
        assertThat(report.get("zombieCases").asInt()).isGreaterThanOrEqualTo(1);
        Map<String, Object> zc = caseOf(campaign, zombie);
        assertThat(zc.get("status")).isEqualTo("OPEN");
        assertThat((String) zc.get("rule_ids")).contains("ZOMBIE_INVITEE");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM risk_case WHERE invitee_user_id IN (?, ?)", Long.class, active, recent))
                .isZero();
    }

    @Test
    void shouldCountAnOrderPaidOnTheOrderTopicAsActivityOnce() {
        long campaign = newCampaign();
        String buyer = unique("buyer");
        Instant tenDaysAgo = Instant.now().minus(Duration.ofDays(10));
        screen(campaign, unique("ref"), buyer, unique("d"), freshIp(), tenDaysAgo);
        OrderPaidEvent paid = new OrderPaidEvent(
                UUID.randomUUID().toString(),
                "host",
                tenDaysAgo.plusSeconds(3600),
                1,
                unique("order"),
                buyer,
                9900,
                tenDaysAgo.plusSeconds(3600));
        String body = TestHttp.JSON.writeValueAsString(paid);

        RocketMqProbe.send(namesrv, topics.order(), OrderEventTags.ORDER_PAID, paid.eventId(), body);
        RocketMqProbe.send(namesrv, topics.order(), OrderEventTags.ORDER_PAID, paid.eventId(), body);

        await().atMost(Duration.ofSeconds(60)).until(() -> RocketMqProbe.consumed(context, topics.order()) >= 2);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM risk_activity WHERE user_id = ? AND kind = 'ORDER'", Long.class, buyer))
                .isEqualTo(1);
        run();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM risk_case WHERE invitee_user_id = ?", Long.class, buyer))
                .as("a buyer is no zombie")
                .isZero();
    }

    /** The host reports {@code orders} paid orders of the user, a day apart, after {@code from}. */
    private void ordered(String user, int orders, Instant from) {
        for (int i = 1; i <= orders; i++) {
            var r = asHost().post(
                            "/api/v1/host/risk/activity",
                            Map.of(
                                    "userId",
                                    user,
                                    "kind",
                                    "ORDER",
                                    "occurredAt",
                                    from.plus(Duration.ofDays(i)).toString()));
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
        }
    }

    /** Screens one invitee per entry of {@code orders} under the referrer, then reports that many orders of each. */
    private void inviteesWhoOrdered(long campaign, String referrer, Instant registeredAt, int... orders) {
        for (int n : orders) {
            String invitee = unique(referrer + "-i");
            assertThat(screen(campaign, referrer, invitee, unique("d"), freshIp(), registeredAt))
                    .isEqualTo("PASS");
            ordered(invitee, n, registeredAt);
        }
    }

    private long singleOrderCases(long campaign, String referrer) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM risk_case WHERE campaign_id = ? AND referrer_user_id = ? "
                        + "AND rule_ids LIKE '%SINGLE_ORDER_INVITEES%'",
                Long.class, campaign, referrer);
    }

    @Test
    void shouldRaiseTheInviteesOfAReferrerWhoseInviteesNeverOrderTwice() {
        long campaign = newCampaign();
        var changed = asOps("op-9")
                .send(
                        "PUT",
                        "/api/v1/admin/risk/rules/SINGLE_ORDER_INVITEES?campaignId=" + campaign,
                        Map.of(
                                "enabled",
                                true,
                                "weight",
                                50,
                                "threshold",
                                75,
                                "params",
                                "min-invitees=4,window-days=30"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(asOps("op-9")
                        .get("/api/v1/admin/risk/rules/audit?campaignId=" + campaign)
                        .json()
                        .get(0)
                        .get("newValue")
                        .asString())
                .contains("enabled=true")
                .contains("threshold=75")
                .contains("window-days=30");
        assertProblem(
                asOps("op-9")
                        .send(
                                "PUT",
                                "/api/v1/admin/risk/rules/SINGLE_ORDER_INVITEES?campaignId=" + campaign,
                                Map.of("params", "window-days=0")),
                400,
                "RULE_SETTING_INVALID");
        assertProblem(
                asOps("op-9")
                        .send(
                                "PUT",
                                "/api/v1/admin/risk/rules/SINGLE_ORDER_INVITEES?campaignId=" + campaign,
                                Map.of("threshold", 101)),
                400,
                "RULE_SETTING_INVALID");

        Instant fortyDaysAgo = Instant.now().minus(Duration.ofDays(40));
        String farmer = unique("farmer");
        inviteesWhoOrdered(campaign, farmer, fortyDaysAgo, 1, 1, 1, 0, 4); // 4 of 5 ordered at most once: 80 %
        String popular = unique("popular"); // the legitimate neighbour: friends who come back
        inviteesWhoOrdered(campaign, popular, fortyDaysAgo, 3, 2, 1, 5, 2);
        String few = unique("few"); // too few invitees to say anything
        inviteesWhoOrdered(campaign, few, fortyDaysAgo, 1, 1, 0);
        String recent = unique("recent"); // still inside the observation window
        inviteesWhoOrdered(campaign, recent, Instant.now().minus(Duration.ofDays(20)), 1, 1, 1, 1, 1);
        long otherCampaign = newCampaign(); // the rule is off there (the shipped default)
        String elsewhere = unique("elsewhere");
        inviteesWhoOrdered(otherCampaign, elsewhere, fortyDaysAgo, 1, 1, 1, 1, 1);

        JsonNode report = run();
        assertThat(report.get("singleOrderReferrers").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(report.get("singleOrderCases").asInt()).isGreaterThanOrEqualTo(4);
        assertThat(singleOrderCases(campaign, farmer)).isEqualTo(4);
        for (String honest : new String[] {popular, few, recent}) {
            assertThat(singleOrderCases(campaign, honest)).as(honest).isZero();
        }
        assertThat(singleOrderCases(otherCampaign, elsewhere)).isZero();

        var queue = asOps("op-9")
                .get("/api/v1/admin/risk/cases?campaignId=" + campaign + "&ruleId=SINGLE_ORDER_INVITEES")
                .json();
        assertThat(queue.get("total").asLong()).isEqualTo(4);
        JsonNode c = queue.get("items").get(0);
        assertThat(c.get("referrerUserId").asString()).isEqualTo(farmer);
        assertThat(c.get("source").asString()).isEqualTo("LATE_ANALYSIS");
        assertThat(c.get("score").asInt()).isEqualTo(50);
        JsonNode evidence = c.get("evidence").get(0);
        assertThat(evidence.get("ruleId").asString()).isEqualTo("SINGLE_ORDER_INVITEES");
        assertThat(evidence.get("observed").asString()).isEqualTo("4 of 5 (80%)");
        assertThat(evidence.get("threshold").asString()).isEqualTo(">= 75% of >= 4 invitees");
        assertThat(evidence.get("detail").asString())
                .contains("Of the 5 invitees of " + farmer)
                .contains("4 ordered at most once")
                .contains(farmer + "-i-")
                .contains("(0 orders)");

        // a second run raises nothing new
        run();
        assertThat(singleOrderCases(campaign, farmer)).isEqualTo(4);
    }

    @Test
    void shouldSkipTheRunWhileAnotherReplicaHoldsTheLease() {
        Jobs otherReplica = new Jobs(jdbc, txm, json, clock, Duration.ofMinutes(5), "other-replica");
        Jobs.Claim held = otherReplica.start(LateAnalysis.JOB, LateAnalysis.SUBJECT, "scheduler");
        assertThat(held.started()).isTrue();
        try {
            assertThat(run().get("ran").asBoolean()).isFalse();
        } finally {
            otherReplica.fail(held.runId(), "the other replica's run ended");
        }
        assertThat(run().get("ran").asBoolean()).isTrue();
    }
}
