package io.laxin.standalone;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import io.laxin.gateway.auth.HostSignatures;
import io.laxin.gateway.auth.JwtTokens;
import io.laxin.kernel.messaging.Topics;
import io.laxin.testsupport.LaxinTestEnvironment;
import io.laxin.testsupport.RocketMqProbe;
import io.laxin.testsupport.TestHttp;
import io.laxin.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.laxin.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The thin path, over real HTTP through the gateway, with all five apps running on real MySQL, Redis and the
 * in-process RocketMQ broker: campaign → invite code → poster → touch → registration → rewards → counts.
 */
class ThinPathE2EIT {

    private static final String JWT_SECRET = TestInfrastructure.randomToken(32);
    private static final String HOST_KEY = TestInfrastructure.randomToken(16);
    private static LaxinSuite suite;
    private static Topics topics;
    private static JwtTokens tokens;

    @BeforeAll
    static void startTheSuite() throws IOException {
        topics = Topics.withSuffix("_e2e" + TestInfrastructure.randomToken(2));
        TestInfrastructure.createTopics(topics.all());
        Map<String, Map<String, String>> databases = new LinkedHashMap<>();
        for (String service : List.of(SuiteConfig.INVITE, SuiteConfig.REWARD, SuiteConfig.POSTER,
                SuiteConfig.ANTIFRAUD)) {
            Map<String, Object> p = LaxinTestEnvironment.properties(service);
            databases.put(service, Map.of("url", (String) p.get("spring.datasource.url"),
                    "username", (String) p.get("spring.datasource.username"),
                    "password", (String) p.get("spring.datasource.password"),
                    "driver-class-name", "com.mysql.cj.jdbc.Driver"));
        }
        int gatewayPort;
        try (ServerSocket s = new ServerSocket(0)) {
            gatewayPort = s.getLocalPort();
        }
        Map<String, Integer> ports = Map.of(SuiteConfig.GATEWAY, gatewayPort);
        TestInfrastructure.RedisAddress redis = TestInfrastructure.redis();
        suite = LaxinSuite.start(new SuiteConfig(ports, databases, redis.host(), redis.port(),
                "lxt:" + TestInfrastructure.randomToken(4) + ":", TestInfrastructure.rocketMqNamesrv(), topics,
                TestInfrastructure.internalSecret(), JWT_SECRET, "brand=" + HOST_KEY,
                "http://127.0.0.1:" + gatewayPort, TestInfrastructure.randomToken(32)));
        tokens = new JwtTokens(JWT_SECRET, "https://login.brand.example", "laxin", Duration.ofSeconds(60),
                Clock.systemUTC());
    }

    @AfterAll
    static void stopTheSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    private static TestHttp gateway(String user, String... roles) {
        return TestHttp.at(suite.gatewayUrl()).bearer(tokens.mint(user, List.of(roles), Duration.ofMinutes(10)));
    }

    /** The brand's backend: every call signed with its key (gateway's HostSignatures). */
    private static TestHttp.Response hostPost(String path, Object body) {
        String json = TestHttp.JSON.writeValueAsString(body);
        TestHttp http = TestHttp.at(suite.gatewayUrl());
        for (var h : HostSignatures.sign("brand", HOST_KEY, "POST", path,
                json.getBytes(java.nio.charset.StandardCharsets.UTF_8)).entrySet()) {
            http = http.header(h.getKey(), h.getValue());
        }
        return http.post(path, json);
    }

    @Test
    void shouldWalkTheThinPathThroughTheGateway() throws Exception {
        // 1. an operator creates a campaign
        var created = gateway("op-1", "OPS").post("/api/v1/admin/campaigns", Map.of(
                "name", "E2E referral " + Instant.now(), "startsAt", "2020-01-01T00:00:00Z",
                "endsAt", "2099-01-01T00:00:00Z", "attributionWindowDays", 7,
                "landingUrl", "https://brand.example/register",
                "rewardPolicy", Map.of("referrerReward", Map.of("kind", "POINTS", "amount", 500),
                        "inviteeReward", Map.of("kind", "POINTS", "amount", 500), "holdDays", 7)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long campaign = created.json().get("id").asLong();

        // 2. alice gets her code and link, the same every time
        var invite = gateway("alice").get("/api/v1/invites/mine?campaignId=" + campaign);
        assertThat(invite.status()).as(invite.toString()).isEqualTo(200);
        String code = invite.json().get("code").asString();
        assertThat(gateway("alice").get("/api/v1/invites/mine?campaignId=" + campaign).json().get("code").asString())
                .isEqualTo(code);

        // 3. her poster's QR code decodes to her share link
        var poster = gateway("alice").get("/api/v1/posters/mine?campaignId=" + campaign + "&format=png");
        assertThat(poster.status()).as(poster.toString()).isEqualTo(200);
        assertThat(decodeQr(poster.body())).isEqualTo(suite.gatewayUrl().replace("127.0.0.1", "127.0.0.1")
                + "/s/" + code + "?ch=poster");

        // 4. a friend opens the link: touch recorded, 302 to the landing page with the code
        var touch = TestHttp.at(suite.gatewayUrl()).get("/s/" + code + "?ch=moments");
        assertThat(touch.status()).isEqualTo(302);
        assertThat(touch.header("Location"))
                .isEqualTo("https://brand.example/register?inviteCode=" + code + "&channel=moments");

        // 5. the host reports bob's registration with alice's code
        var registered = hostPost("/api/v1/host/registrations",
                Map.of("campaignId", campaign, "inviteeUserId", "bob", "inviteCode", code));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
        assertThat(registered.json().get("outcome").asString()).isEqualTo("ATTRIBUTED");
        assertThat(registered.json().get("referrerUserId").asString()).isEqualTo("alice");

        // 6. the event travels through RocketMQ; both see one pending reward with its release time
        await().atMost(Duration.ofSeconds(60)).until(() ->
                gateway("alice").get("/api/v1/rewards/mine").json().size() == 1
                        && gateway("bob").get("/api/v1/rewards/mine").json().size() == 1);
        var aliceReward = gateway("alice").get("/api/v1/rewards/mine").json().get(0);
        assertThat(aliceReward.get("role").asString()).isEqualTo("REFERRER");
        assertThat(aliceReward.get("amount").asLong()).isEqualTo(500);
        assertThat(aliceReward.get("status").asString()).isEqualTo("PENDING");
        assertThat(Instant.parse(aliceReward.get("releaseAt").asString()))
                .isAfter(Instant.now().plus(Duration.ofDays(6)));
        assertThat(gateway("bob").get("/api/v1/rewards/mine").json().get(0).get("role").asString())
                .isEqualTo("INVITEE");

        // 7. the operator sees the counts
        var stats = gateway("op-1", "OPS").get("/api/v1/admin/campaigns/" + campaign + "/stats").json();
        assertThat(stats.get("touches").asLong()).isEqualTo(1);
        assertThat(stats.get("registrations").asLong()).isEqualTo(1);
        assertThat(stats.get("attributed").asLong()).isEqualTo(1);
        assertThat(stats.get("rewardsIssued").asLong()).isEqualTo(2);

        // the same event delivered again (at-least-once) changes nothing
        JdbcTemplate inviteDb = suite.context(SuiteConfig.INVITE).getBean(JdbcTemplate.class);
        Map<String, Object> event = inviteDb.queryForMap("SELECT event_id, tag, payload FROM outbox_event "
                + "WHERE tag = 'ATTRIBUTED' AND payload LIKE ?", "%\"inviteeUserId\":\"bob\"%");
        var rewardContext = suite.context(SuiteConfig.REWARD);
        long consumedBefore = RocketMqProbe.consumed(rewardContext, topics.referral());
        RocketMqProbe.send(TestInfrastructure.rocketMqNamesrv(), topics.referral(), (String) event.get("tag"),
                (String) event.get("event_id"), (String) event.get("payload"));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> RocketMqProbe.consumed(rewardContext, topics.referral()) > consumedBefore);
        assertThat(gateway("alice").get("/api/v1/rewards/mine").json().size()).isEqualTo(1);
        assertThat(gateway("op-1", "OPS").get("/api/v1/admin/campaigns/" + campaign + "/stats").json()
                .get("rewardsIssued").asLong()).isEqualTo(2);
    }

    @Test
    void shouldAnswerBadInputOnThePathWithProblemsThroughTheGateway() {
        assertProblem(gateway("op-1", "OPS").post("/api/v1/admin/campaigns", Map.of("name", "no dates")),
                400, "VALIDATION_FAILED");
        assertProblem(gateway("alice").get("/api/v1/invites/mine?campaignId=987654321"), 404, "CAMPAIGN_NOT_FOUND");
        assertProblem(gateway("alice").get("/api/v1/posters/mine?campaignId=987654321"), 404, "CAMPAIGN_NOT_FOUND");
        assertProblem(TestHttp.at(suite.gatewayUrl()).get("/s/0O-IL1"), 400, "INVITE_CODE_MALFORMED");
        assertProblem(hostPost("/api/v1/host/registrations",
                Map.of("campaignId", 987654321, "inviteeUserId", "x", "inviteCode", "ABCDEFGH")),
                404, "CAMPAIGN_NOT_FOUND");
        assertProblem(hostPost("/api/v1/host/registrations", Map.of("inviteeUserId", "x")),
                400, "VALIDATION_FAILED");
        assertProblem(gateway("alice").get("/api/v1/admin/campaigns/1/stats"), 403, "FORBIDDEN");
        assertProblem(TestHttp.at(suite.gatewayUrl()).get("/api/v1/rewards/mine"), 401, "UNAUTHENTICATED");
    }

    @Test
    void shouldRefuseCallsThatGoAroundTheGateway() {
        for (String service : List.of(SuiteConfig.INVITE, SuiteConfig.REWARD, SuiteConfig.POSTER,
                SuiteConfig.ANTIFRAUD)) {
            var r = TestHttp.at("http://127.0.0.1:" + suite.port(service))
                    .header("X-Laxin-Caller", "STAFF:mallory").header("X-Laxin-Roles", "ADMIN")
                    .get("/api/v1/rewards/mine");
            assertProblem(r, 401, "UNAUTHENTICATED");
        }
    }

    private static String decodeQr(byte[] image) throws Exception {
        var bitmap = new BinaryBitmap(new HybridBinarizer(
                new BufferedImageLuminanceSource(ImageIO.read(new ByteArrayInputStream(image)))));
        return new MultiFormatReader().decode(bitmap).getText();
    }
}
