package io.laxin.invite;

import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.Role;
import io.laxin.testsupport.FakeService;
import io.laxin.testsupport.LaxinIntegrationTest;
import io.laxin.testsupport.MutableClock;
import io.laxin.testsupport.TestHttp;
import io.laxin.testsupport.TestInfrastructure;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One invite-service context for all its ITs: real MySQL, Redis and broker; the outbox relay is off so each test
 * decides when events leave (as after a crash), and touch counters move to MySQL only when a test flushes them
 * (a background flush would race the hand-over tests). antifraud-service and reward-service are stand-ins here; the
 * end-to-end test runs the real ones.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=invite-service",
            "laxin.outbox.relay-enabled=false",
            "laxin.invite.touch-flush-interval=1h",
            "laxin.invite.rescreen-interval=1h"
        })
@LaxinIntegrationTest
@Import(InviteItSupport.TestClock.class)
public abstract class InviteItSupport {

    protected static final FakeService ANTIFRAUD = FakeService.start();
    protected static final FakeService REWARDS = FakeService.start();

    static {
        passAllScreenings();
    }

    /** Time the tests can move; every bean that takes a Clock gets this one. */
    protected static final MutableClock CLOCK = new MutableClock();

    private static final String IDENTITY_KEY = TestInfrastructure.randomToken(32);
    private static final String DEVICE_TOKEN_KEY = TestInfrastructure.randomToken(32);

    @TestConfiguration
    static class TestClock {
        @Bean
        Clock clock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void siblings(DynamicPropertyRegistry registry) {
        registry.add("laxin.invite.identity-key", () -> IDENTITY_KEY);
        registry.add("laxin.invite.device-token-key", () -> DEVICE_TOKEN_KEY);
        registry.add("laxin.services.antifraud-url", ANTIFRAUD::url);
        registry.add("laxin.services.reward-url", REWARDS::url);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    protected static void passAllScreenings() {
        ANTIFRAUD.on(
                "/internal/screenings",
                r -> FakeService.Answer.json(
                        Map.of("screeningId", "s-1", "verdict", "PASS", "score", 0, "reasons", List.of())));
    }

    protected TestHttp as(Caller caller) {
        return TestHttp.at("http://127.0.0.1:" + port).as(caller);
    }

    protected TestHttp operator() {
        return as(Caller.staff("op-1", Role.OPS));
    }

    protected TestHttp host() {
        return as(Caller.host("brand-backend"));
    }

    protected static Map<String, Object> campaignBody(String name) {
        return Map.of(
                "name",
                name,
                "startsAt",
                "2020-01-01T00:00:00Z",
                "endsAt",
                "2099-01-01T00:00:00Z",
                "attributionWindowDays",
                7,
                "landingUrl",
                "https://brand.example/register?src=laxin",
                "rewardPolicy",
                Map.of(
                        "referrerReward",
                        Map.of("kind", "POINTS", "amount", 500),
                        "inviteeReward",
                        Map.of("kind", "CASH", "amount", 300),
                        "holdDays",
                        7));
    }

    protected long createCampaign() {
        return createCampaign(campaignBody("Campaign " + Instant.now()));
    }

    protected long createCampaign(Map<String, Object> body) {
        var r = operator().post("/api/v1/admin/campaigns", body);
        if (r.status() != 201) {
            throw new AssertionError(r.toString());
        }
        return r.json().get("id").asLong();
    }

    protected String codeOf(long campaignId, String userId) {
        var r = as(Caller.user(userId)).get("/api/v1/invites/mine?campaignId=" + campaignId);
        if (r.status() != 200) {
            throw new AssertionError(r.toString());
        }
        return r.json().get("code").asString();
    }

    protected TestHttp.Response register(long campaignId, String invitee, String code) {
        return host().post(
                        "/api/v1/host/registrations",
                        Map.of("campaignId", campaignId, "inviteeUserId", invitee, "inviteCode", code));
    }

    /** The campaign's leaderboard as poster-service reads it, one "rank:referrer:invitees" per referrer. */
    protected List<String> ranking(long campaignId) {
        List<String> ranks = new java.util.ArrayList<>();
        as(Caller.service("poster-service"))
                .get("/internal/campaigns/" + campaignId + "/top-referrers?limit=10")
                .json()
                .forEach(e -> ranks.add(e.get("rank").asInt() + ":"
                        + e.get("userId").asString() + ":" + e.get("invitees").asLong()));
        return ranks;
    }

    /**
     * Opens a share link from a phone (a WeChat user agent) sending {@code device} as X-Device-Id (none when null),
     * and answers the device token the link gave the phone (the landing URL's {@code laxinDevice}): the same token
     * when {@code device} is one, else a new one. Only the token attributes a later registration.
     */
    protected String touch(String code, String device) {
        TestHttp http = as(Caller.anonymous()).header("User-Agent", "Mozilla/5.0 (iPhone) MicroMessenger/8.0.44");
        var r = (device == null ? http : http.header("X-Device-Id", device)).get("/s/" + code + "?ch=moments");
        if (r.status() != 302) {
            throw new AssertionError(r.toString());
        }
        return deviceTokenIn(r.header("Location"));
    }

    /** The {@code laxinDevice} query parameter of a landing URL. */
    protected static String deviceTokenIn(String landingUrl) {
        return java.util.Arrays.stream(
                        java.net.URI.create(landingUrl).getRawQuery().split("&"))
                .filter(p -> p.startsWith("laxinDevice="))
                .map(p -> p.substring("laxinDevice=".length()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no laxinDevice in " + landingUrl));
    }

    protected TestHttp.Response report(Map<String, Object> body) {
        return host().post("/api/v1/host/registrations", body);
    }

    protected long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }
}
