package io.laxin.standalone;

import static io.laxin.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import io.laxin.gateway.auth.HostSignatures;
import io.laxin.gateway.auth.JwtTokens;
import io.laxin.kernel.messaging.Topics;
import io.laxin.reward.api.event.OrderEventTags;
import io.laxin.reward.api.event.OrderPaidEvent;
import io.laxin.testsupport.RocketMqProbe;
import io.laxin.testsupport.TestHttp;
import io.laxin.testsupport.TestInfrastructure;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The thin path, over real HTTP through the gateway, with all five apps running on real MySQL, Redis and the
 * in-process RocketMQ broker: campaign → invite code → poster → touch → registration → rewards → counts; and risk
 * verdicts across services: a review-queue decision, a ring rejected by the late analysis and an operator's reject of
 * a single-order case reach invite-service and reward-service through RocketMQ.
 */
class ThinPathE2EIT {

    private static TestSuite fixture;
    private static LaxinSuite suite;
    private static Topics topics;
    private static JwtTokens tokens;
    private static String hostKey;
    private static final String OPERATOR = "op-1";
    private static final SecureRandom RANDOM = new SecureRandom();

    @BeforeAll
    static void startTheSuite() throws IOException {
        fixture = TestSuite.start();
        suite = fixture.suite;
        topics = fixture.topics;
        hostKey = fixture.hostSecret;
        tokens = new JwtTokens(
                fixture.jwtSecret, "https://login.brand.example", "laxin", Duration.ofSeconds(60), Clock.systemUTC());
    }

    @AfterAll
    static void stopTheSuite() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private static TestHttp gateway(String user, String... roles) {
        return TestHttp.at(suite.gatewayUrl()).bearer(tokens.mint(user, List.of(roles), Duration.ofMinutes(10)));
    }

    /** The brand's backend: every call signed with its key (gateway's HostSignatures). */
    private static TestHttp.Response hostPost(String path, Object body) {
        String json = TestHttp.JSON.writeValueAsString(body);
        return hostSigned("POST", path, json.getBytes(StandardCharsets.UTF_8)).post(path, json);
    }

    private static TestHttp.Response hostGet(String pathAndQuery) {
        return hostSigned("GET", pathAndQuery, new byte[0]).get(pathAndQuery);
    }

    private static TestHttp hostSigned(String method, String pathAndQuery, byte[] body) {
        TestHttp http = TestHttp.at(suite.gatewayUrl());
        for (var h : HostSignatures.sign(TestSuite.HOST_KEY_ID, hostKey, method, pathAndQuery, body)
                .entrySet()) {
            http = http.header(h.getKey(), h.getValue());
        }
        return http;
    }

    @Test
    void shouldWalkTheThinPathThroughTheGateway() throws Exception {
        // 1. an operator creates a campaign
        var created = gateway("op-1", "OPS")
                .post(
                        "/api/v1/admin/campaigns",
                        Map.of(
                                "name",
                                "E2E referral " + Instant.now(),
                                "startsAt",
                                "2020-01-01T00:00:00Z",
                                "endsAt",
                                "2099-01-01T00:00:00Z",
                                "attributionWindowDays",
                                7,
                                "landingUrl",
                                "https://brand.example/register",
                                "rewardPolicy",
                                Map.of(
                                        "referrerReward",
                                        Map.of("kind", "POINTS", "amount", 500),
                                        "inviteeReward",
                                        Map.of("kind", "POINTS", "amount", 500),
                                        "holdDays",
                                        7)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long campaign = created.json().get("id").asLong();

        // 2. alice gets her code and link, the same every time
        var invite = gateway("alice").get("/api/v1/invites/mine?campaignId=" + campaign);
        assertThat(invite.status()).as(invite.toString()).isEqualTo(200);
        String code = invite.json().get("code").asString();
        assertThat(gateway("alice")
                        .get("/api/v1/invites/mine?campaignId=" + campaign)
                        .json()
                        .get("code")
                        .asString())
                .isEqualTo(code);

        // 3. her poster's QR code decodes to her share link
        var poster = gateway("alice").get("/api/v1/posters/mine?campaignId=" + campaign + "&format=png");
        assertThat(poster.status()).as(poster.toString()).isEqualTo(200);
        assertThat(decodeQr(poster.body()))
                .isEqualTo(suite.gatewayUrl().replace("127.0.0.1", "127.0.0.1") + "/s/" + code + "?ch=poster");

        // 4. a friend opens the link: touch recorded, 302 to the landing page with the code and the device token,
        //    which also comes back as a cookie through the gateway
        var touch = TestHttp.at(suite.gatewayUrl()).get("/s/" + code + "?ch=moments");
        assertThat(touch.status()).isEqualTo(302);
        String token = deviceTokenIn(touch.header("Location"));
        assertThat(touch.header("Location"))
                .isEqualTo(
                        "https://brand.example/register?inviteCode=" + code + "&channel=moments&laxinDevice=" + token);
        assertThat(token).startsWith("ldt1.");
        assertThat(touch.header("Set-Cookie"))
                .startsWith("laxin_dt=" + token + ";")
                .contains("Secure")
                .contains("HttpOnly")
                .contains("SameSite=Lax");

        // 5. the host reports bob's registration with alice's code
        var registered = hostPost(
                "/api/v1/host/registrations",
                Map.of("campaignId", campaign, "inviteeUserId", "bob", "inviteCode", code));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
        assertThat(registered.json().get("outcome").asString()).isEqualTo("ATTRIBUTED");
        assertThat(registered.json().get("referrerUserId").asString()).isEqualTo("alice");

        // 6. the event travels through RocketMQ; both see one pending reward with its release time
        await().atMost(Duration.ofSeconds(60))
                .until(() -> gateway("alice").get("/api/v1/rewards/mine").json().size() == 1
                        && gateway("bob").get("/api/v1/rewards/mine").json().size() == 1);
        var aliceReward = gateway("alice").get("/api/v1/rewards/mine").json().get(0);
        assertThat(aliceReward.get("role").asString()).isEqualTo("REFERRER");
        assertThat(aliceReward.get("amount").asLong()).isEqualTo(500);
        assertThat(aliceReward.get("status").asString()).isEqualTo("PENDING");
        assertThat(Instant.parse(aliceReward.get("releaseAt").asString()))
                .isAfter(Instant.now().plus(Duration.ofDays(6)));
        assertThat(gateway("bob")
                        .get("/api/v1/rewards/mine")
                        .json()
                        .get(0)
                        .get("role")
                        .asString())
                .isEqualTo("INVITEE");

        // 7. the operator sees the counts
        var stats = gateway("op-1", "OPS")
                .get("/api/v1/admin/campaigns/" + campaign + "/stats")
                .json();
        assertThat(stats.get("touches").asLong()).isEqualTo(1);
        assertThat(stats.get("registrations").asLong()).isEqualTo(1);
        assertThat(stats.get("attributed").asLong()).isEqualTo(1);
        assertThat(stats.get("rewardsIssued").asLong()).isEqualTo(2);

        // the same event delivered again (at-least-once) changes nothing
        JdbcTemplate inviteDb = suite.context(SuiteConfig.INVITE).getBean(JdbcTemplate.class);
        Map<String, Object> event = inviteDb.queryForMap(
                "SELECT event_id, tag, payload FROM outbox_event " + "WHERE tag = 'ATTRIBUTED' AND payload LIKE ?",
                "%\"inviteeUserId\":\"bob\"%");
        var rewardContext = suite.context(SuiteConfig.REWARD);
        long consumedBefore = RocketMqProbe.consumed(rewardContext, topics.referral());
        RocketMqProbe.send(
                TestInfrastructure.rocketMqNamesrv(),
                topics.referral(),
                (String) event.get("tag"),
                (String) event.get("event_id"),
                (String) event.get("payload"));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> RocketMqProbe.consumed(rewardContext, topics.referral()) > consumedBefore);
        assertThat(gateway("alice").get("/api/v1/rewards/mine").json().size()).isEqualTo(1);
        assertThat(gateway("op-1", "OPS")
                        .get("/api/v1/admin/campaigns/" + campaign + "/stats")
                        .json()
                        .get("rewardsIssued")
                        .asLong())
                .isEqualTo(2);
    }

    @Test
    void shouldAnswerBadInputOnThePathWithProblemsThroughTheGateway() {
        assertProblem(
                gateway("op-1", "OPS").post("/api/v1/admin/campaigns", Map.of("name", "no dates")),
                400,
                "VALIDATION_FAILED");
        assertProblem(gateway("alice").get("/api/v1/invites/mine?campaignId=987654321"), 404, "CAMPAIGN_NOT_FOUND");
        assertProblem(gateway("alice").get("/api/v1/posters/mine?campaignId=987654321"), 404, "CAMPAIGN_NOT_FOUND");
        assertProblem(TestHttp.at(suite.gatewayUrl()).get("/s/0O-IL1"), 400, "INVITE_CODE_MALFORMED");
        assertProblem(
                hostPost(
                        "/api/v1/host/registrations",
                        Map.of("campaignId", 987654321, "inviteeUserId", "x", "inviteCode", "ABCDEFGH")),
                404,
                "CAMPAIGN_NOT_FOUND");
        assertProblem(hostPost("/api/v1/host/registrations", Map.of("inviteeUserId", "x")), 400, "VALIDATION_FAILED");
        assertProblem(gateway("alice").get("/api/v1/admin/campaigns/1/stats"), 403, "FORBIDDEN");
        assertProblem(TestHttp.at(suite.gatewayUrl()).get("/api/v1/rewards/mine"), 401, "UNAUTHENTICATED");
    }

    @Test
    void shouldRefuseCallsThatGoAroundTheGateway() {
        for (String service :
                List.of(SuiteConfig.INVITE, SuiteConfig.REWARD, SuiteConfig.POSTER, SuiteConfig.ANTIFRAUD)) {
            var r = TestHttp.at("http://127.0.0.1:" + suite.port(service))
                    .header("X-Laxin-Caller", "STAFF:mallory")
                    .header("X-Laxin-Roles", "ADMIN")
                    .get("/api/v1/rewards/mine");
            assertProblem(r, 401, "UNAUTHENTICATED");
        }
    }

    /** A DRAFT campaign with points for both sides held 7 days, then activated. */
    private static long activatedCampaign(String name) {
        var created = gateway(OPERATOR, "OPS")
                .post(
                        "/api/v1/admin/campaigns",
                        Map.of(
                                "name",
                                name + " " + TestInfrastructure.randomToken(3),
                                "status",
                                "DRAFT",
                                "startsAt",
                                "2020-01-01T00:00:00Z",
                                "endsAt",
                                "2099-01-01T00:00:00Z",
                                "attributionWindowDays",
                                7,
                                "landingUrl",
                                "https://brand.example/register",
                                "rewardPolicy",
                                Map.of(
                                        "referrerReward",
                                        Map.of("kind", "POINTS", "amount", 300),
                                        "inviteeReward",
                                        Map.of("kind", "POINTS", "amount", 100),
                                        "holdDays",
                                        7)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        var activated = gateway(OPERATOR, "OPS").post("/api/v1/admin/campaigns/" + id + "/activate", Map.of());
        assertThat(activated.status()).as(activated.toString()).isEqualTo(200);
        assertThat(activated.json().get("status").asString()).isEqualTo("ACTIVE");
        return id;
    }

    private static String codeOf(String user, long campaign) {
        var invite = gateway(user).get("/api/v1/invites/mine?campaignId=" + campaign);
        assertThat(invite.status()).as(invite.toString()).isEqualTo(200);
        return invite.json().get("code").asString();
    }

    /** The host reports the registration; answers the outcome. */
    private static String registers(long campaign, String invitee, String code, String phone) {
        return registers(campaign, invitee, code, phone, null);
    }

    private static String registers(long campaign, String invitee, String code, String phone, Instant registeredAt) {
        Map<String, Object> body =
                new LinkedHashMap<>(Map.of("campaignId", campaign, "inviteeUserId", invitee, "inviteCode", code));
        if (phone != null) {
            body.put("phone", phone);
        }
        if (registeredAt != null) {
            body.put("registeredAt", registeredAt.toString());
        }
        var r = hostPost("/api/v1/host/registrations", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("outcome").asString();
    }

    /** The status of the invitee's referral in the campaign, as the host reads it. */
    private static String referralStatus(String invitee, long campaign) {
        var r = hostGet("/api/v1/host/referrals?inviteeUserId=" + invitee);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return StreamSupport.stream(r.json().spliterator(), false)
                .filter(x -> x.get("campaignId").asLong() == campaign)
                .map(x -> x.get("status").asString())
                .findFirst()
                .orElse(null);
    }

    /** "ROLE:STATUS" of each of the user's rewards in the campaign, e.g. {@code REFERRER:PENDING}. */
    private static List<String> rewards(String user, long campaign) {
        var r = gateway(user).get("/api/v1/rewards/mine");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return StreamSupport.stream(r.json().spliterator(), false)
                .filter(x -> x.get("campaignId").asLong() == campaign)
                .map(x -> x.get("role").asString() + ":" + x.get("status").asString()
                        + (x.hasNonNull("statusReason")
                                ? ":" + x.get("statusReason").asString()
                                : ""))
                .toList();
    }

    private static JsonNode caseOf(String invitee, long campaign, String status) {
        var r = gateway(OPERATOR, "OPS").get("/api/v1/admin/risk/cases?status=" + status + "&campaignId=" + campaign);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return StreamSupport.stream(r.json().get("items").spliterator(), false)
                .filter(c -> c.get("inviteeUserId").asString().equals(invitee))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + status + " case for " + invitee + " in " + r));
    }

    private static String deviceTokenIn(String landingUrl) {
        return landingUrl.replaceFirst("^.*[?&]laxinDevice=([^&]+).*$", "$1");
    }

    private static String unique(String name) {
        return name + "-" + TestInfrastructure.randomToken(4);
    }

    private static String virtualCarrierPhone() {
        return "170" + (10_000_000 + RANDOM.nextInt(89_999_999));
    }

    @Test
    void shouldBindAFriendToTheLinkTheyOpenedButHoldItForTheOperatorWhenTheHostReportsAnotherReferrersCode() {
        long campaign = activatedCampaign("E2E contested");
        String alice = unique("alice");
        String carol = unique("carol");
        String friend = unique("friend");
        String aliceCode = codeOf(alice, campaign);
        String carolCode = codeOf(carol, campaign);
        var opened = TestHttp.at(suite.gatewayUrl())
                .header("User-Agent", "Mozilla/5.0 (iPhone) MicroMessenger/8.0.50")
                .get("/s/" + aliceCode + "?ch=moments");
        assertThat(opened.status()).as(opened.toString()).isEqualTo(302);
        String token = deviceTokenIn(opened.header("Location"));

        // the host reports the device token from its registration page, but with carol's code
        var r = hostPost(
                "/api/v1/host/registrations",
                Map.of("campaignId", campaign, "inviteeUserId", friend, "inviteCode", carolCode, "deviceId", token));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("referrerUserId").asString())
                .as("the link the friend opened wins")
                .isEqualTo(alice);
        assertThat(r.json().get("outcome").asString()).isEqualTo("PENDING_REVIEW");
        JsonNode contested = caseOf(friend, campaign, "OPEN");
        assertThat(contested.get("referrerUserId").asString()).isEqualTo(alice);
        assertThat(contested.get("evidence").toString())
                .contains("CONTESTED_ATTRIBUTION")
                .contains(carol);
        var approved = gateway(OPERATOR, "OPS")
                .post(
                        "/api/v1/admin/risk/cases/" + contested.get("id").asLong() + "/decision",
                        Map.of("decision", "APPROVE", "note", "the friend opened alice's link"));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> "ATTRIBUTED".equals(referralStatus(friend, campaign)));
    }

    @Test
    void shouldHoldARiskyRegistrationForReviewAndLetTheOperatorsRejectionReachInviteAndReward() {
        long campaign = activatedCampaign("E2E review");
        // the operator makes virtual-carrier numbers a review matter in this campaign (weight in the review band)
        var rule = gateway(OPERATOR, "OPS")
                .send(
                        "PUT",
                        "/api/v1/admin/risk/rules/VIRTUAL_CARRIER?campaignId=" + campaign,
                        Map.of("enabled", true, "weight", 60));
        assertThat(rule.status()).as(rule.toString()).isEqualTo(200);
        String rita = unique("rita");
        String code = codeOf(rita, campaign);
        String held = unique("held");
        String cleared = unique("cleared");

        assertThat(registers(campaign, held, code, virtualCarrierPhone())).isEqualTo("PENDING_REVIEW");
        assertThat(registers(campaign, cleared, code, virtualCarrierPhone())).isEqualTo("PENDING_REVIEW");
        assertThat(referralStatus(held, campaign)).isEqualTo("PENDING_REVIEW");

        JsonNode heldCase = caseOf(held, campaign, "OPEN");
        assertThat(heldCase.get("referrerUserId").asString()).isEqualTo(rita);
        assertThat(heldCase.get("evidence").toString()).contains("VIRTUAL_CARRIER");
        var rejected = gateway(OPERATOR, "OPS")
                .post(
                        "/api/v1/admin/risk/cases/" + heldCase.get("id").asLong() + "/decision",
                        Map.of("decision", "REJECT", "note", "virtual number, farm pattern"));
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
        assertThat(rejected.json().get("status").asString()).isEqualTo("REJECTED");
        var approved = gateway(OPERATOR, "OPS")
                .post(
                        "/api/v1/admin/risk/cases/"
                                + caseOf(cleared, campaign, "OPEN").get("id").asLong() + "/decision",
                        Map.of("decision", "APPROVE", "note", "known customer"));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);

        // RISK_DECIDED travels through RocketMQ to invite-service, whose events reach reward-service
        await().atMost(Duration.ofSeconds(60))
                .until(() -> "REJECTED".equals(referralStatus(held, campaign))
                        && "ATTRIBUTED".equals(referralStatus(cleared, campaign)));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> rewards(cleared, campaign).size() == 1);
        assertThat(rewards(cleared, campaign)).containsExactly("INVITEE:PENDING");
        assertThat(rewards(rita, campaign)).containsExactly("REFERRER:PENDING");
        assertThat(rewards(held, campaign))
                .as("the rejected invitee is never rewarded")
                .isEmpty();
        assertThat(caseOf(held, campaign, "REJECTED").get("decidedBy").asString())
                .isEqualTo(OPERATOR);
    }

    @Test
    void shouldRevokeTheRewardsOfAReferralRingTheLateAnalysisFinds() {
        long first = activatedCampaign("E2E ring A");
        long second = activatedCampaign("E2E ring B");
        String erin = unique("erin");
        String frank = unique("frank");
        // erin invites frank in one campaign and frank invites erin in the other: each passes on its own
        assertThat(registers(first, frank, codeOf(erin, first), null)).isEqualTo("ATTRIBUTED");
        assertThat(registers(second, erin, codeOf(frank, second), null)).isEqualTo("ATTRIBUTED");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> rewards(erin, first).size()
                                + rewards(erin, second).size()
                                + rewards(frank, first).size()
                                + rewards(frank, second).size()
                        == 4);
        assertThat(rewards(erin, first)).containsExactly("REFERRER:PENDING");
        assertThat(rewards(frank, first)).containsExactly("INVITEE:PENDING");

        // the operator runs the late analysis now (a scheduled run on another replica may hold the lease a moment)
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            var run = gateway(OPERATOR, "OPS").post("/api/v1/admin/risk/analysis/runs", Map.of());
            assertThat(run.status()).as(run.toString()).isEqualTo(200);
            return run.json().get("ran").asBoolean();
        });
        JsonNode ringCase = caseOf(frank, first, "REJECTED");
        assertThat(ringCase.get("source").asString()).isEqualTo("LATE_ANALYSIS");
        assertThat(ringCase.get("decidedBy").asString()).isEqualTo("late-analysis");
        assertThat(ringCase.get("evidence").get(0).get("ruleId").asString()).isEqualTo("REFERRAL_RING");

        // the late REJECT reaches invite-service and reward-service through RocketMQ
        await().atMost(Duration.ofSeconds(60))
                .until(() -> "REJECTED".equals(referralStatus(frank, first))
                        && "REJECTED".equals(referralStatus(erin, second))
                        && rewards(erin, first).equals(List.of("REFERRER:REVOKED:FRAUD_REJECTED"))
                        && rewards(frank, second).equals(List.of("REFERRER:REVOKED:FRAUD_REJECTED")));
        assertThat(rewards(frank, first)).containsExactly("INVITEE:REVOKED:FRAUD_REJECTED");
        assertThat(rewards(erin, second)).containsExactly("INVITEE:REVOKED:FRAUD_REJECTED");
    }

    @Test
    void shouldLetTheOperatorRejectTheInviteesOfAReferrerWhoseInviteesNeverOrderTwice() {
        long campaign = activatedCampaign("E2E single order");
        var rule = gateway(OPERATOR, "OPS")
                .send(
                        "PUT",
                        "/api/v1/admin/risk/rules/SINGLE_ORDER_INVITEES?campaignId=" + campaign,
                        Map.of("enabled", true, "threshold", 80, "params", "min-invitees=3,window-days=30"));
        assertThat(rule.status()).as(rule.toString()).isEqualTo(200);
        Instant fortyDaysAgo = Instant.now().minus(Duration.ofDays(40));
        String farmer = unique("farmer");
        String popular = unique("popular");
        Map<String, String> orders = new LinkedHashMap<>();
        List<String> farmed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String f = unique("farmed");
            String p = unique("friend");
            assertThat(registers(campaign, f, codeOf(farmer, campaign), null, fortyDaysAgo))
                    .isEqualTo("ATTRIBUTED");
            assertThat(registers(campaign, p, codeOf(popular, campaign), null, fortyDaysAgo))
                    .isEqualTo("ATTRIBUTED");
            farmed.add(f);
            // the host publishes its paid orders: the farmed invitee orders once, the friend comes back
            for (var order : List.of(Map.entry(f, 1), Map.entry(p, 1), Map.entry(p, 9))) {
                Instant paidAt = fortyDaysAgo.plus(Duration.ofDays(order.getValue()));
                OrderPaidEvent paid = new OrderPaidEvent(
                        unique("evt"),
                        "brand",
                        paidAt,
                        OrderPaidEvent.SCHEMA_VERSION,
                        unique("order"),
                        order.getKey(),
                        2_900,
                        paidAt);
                orders.put(paid.eventId(), TestHttp.JSON.writeValueAsString(paid));
            }
        }
        var antifraud = suite.context(SuiteConfig.ANTIFRAUD);
        long consumedBefore = RocketMqProbe.consumed(antifraud, topics.order());
        RocketMqProbe.sendAll(TestInfrastructure.rocketMqNamesrv(), topics.order(), OrderEventTags.ORDER_PAID, orders);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> RocketMqProbe.consumed(antifraud, topics.order()) >= consumedBefore + orders.size());
        await().atMost(Duration.ofSeconds(60))
                .until(() -> rewards(farmer, campaign).size() == 3);

        await().atMost(Duration.ofSeconds(60))
                .until(() -> gateway(OPERATOR, "OPS")
                        .post("/api/v1/admin/risk/analysis/runs", Map.of())
                        .json()
                        .get("ran")
                        .asBoolean());
        var raised = gateway(OPERATOR, "OPS")
                .get("/api/v1/admin/risk/cases?campaignId=" + campaign + "&ruleId=SINGLE_ORDER_INVITEES")
                .json();
        assertThat(raised.get("total").asLong()).isEqualTo(3);
        JsonNode evidence = raised.get("items").get(0).get("evidence").get(0);
        assertThat(evidence.get("observed").asString()).isEqualTo("3 of 3 (100%)");
        assertThat(evidence.get("detail").asString()).contains(farmer).contains("(1 order)");
        assertThat(raised.get("items").toString()).doesNotContain(popular);

        // the operator rejects one of them: its referral and its rewards are gone, the others are untouched
        String rejected = farmed.get(0);
        var decided = gateway(OPERATOR, "OPS")
                .post(
                        "/api/v1/admin/risk/cases/"
                                + caseOf(rejected, campaign, "OPEN").get("id").asLong() + "/decision",
                        Map.of("decision", "REJECT", "note", "ordered once for the bonus, never again"));
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> "REJECTED".equals(referralStatus(rejected, campaign))
                        && rewards(rejected, campaign).equals(List.of("INVITEE:REVOKED:FRAUD_REJECTED")));
        assertThat(rewards(farmer, campaign))
                .containsExactlyInAnyOrder("REFERRER:REVOKED:FRAUD_REJECTED", "REFERRER:PENDING", "REFERRER:PENDING");
        assertThat(referralStatus(farmed.get(1), campaign)).isEqualTo("ATTRIBUTED");
    }

    private static String decodeQr(byte[] image) throws Exception {
        var bitmap = new BinaryBitmap(
                new HybridBinarizer(new BufferedImageLuminanceSource(ImageIO.read(new ByteArrayInputStream(image)))));
        return new MultiFormatReader().decode(bitmap).getText();
    }
}
