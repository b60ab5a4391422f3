package io.laxin.invite;

import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.Role;
import io.laxin.testsupport.FakeService;
import io.laxin.testsupport.LaxinIntegrationTest;
import io.laxin.testsupport.TestHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One invite-service context for all its ITs: real MySQL, Redis and broker; the outbox relay is off so each test
 * decides when events leave (as after a crash). antifraud-service and reward-service are stand-ins here; the
 * end-to-end test runs the real ones.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=invite-service", "laxin.outbox.relay-enabled=false"})
@LaxinIntegrationTest
public abstract class InviteItSupport {

    protected static final FakeService ANTIFRAUD = FakeService.start();
    protected static final FakeService REWARDS = FakeService.start();

    static {
        passAllScreenings();
    }

    @DynamicPropertySource
    static void siblings(DynamicPropertyRegistry registry) {
        registry.add("laxin.services.antifraud-url", ANTIFRAUD::url);
        registry.add("laxin.services.reward-url", REWARDS::url);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    protected static void passAllScreenings() {
        ANTIFRAUD.on("/internal/screenings", r -> FakeService.Answer.json(
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
        return Map.of("name", name, "startsAt", "2020-01-01T00:00:00Z", "endsAt", "2099-01-01T00:00:00Z",
                "attributionWindowDays", 7, "landingUrl", "https://brand.example/register?src=laxin",
                "rewardPolicy", Map.of("referrerReward", Map.of("kind", "POINTS", "amount", 500),
                        "inviteeReward", Map.of("kind", "CASH", "amount", 300), "holdDays", 7));
    }

    protected long createCampaign() {
        var r = operator().post("/api/v1/admin/campaigns", campaignBody("Campaign " + Instant.now()));
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
        return host().post("/api/v1/host/registrations",
                Map.of("campaignId", campaignId, "inviteeUserId", invitee, "inviteCode", code));
    }

    protected long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }
}
