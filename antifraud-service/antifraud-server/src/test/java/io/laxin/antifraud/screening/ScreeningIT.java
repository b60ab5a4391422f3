package io.laxin.antifraud.screening;

import io.laxin.antifraud.api.ScreeningApi;
import io.laxin.kernel.identity.Caller;
import io.laxin.testsupport.LaxinIntegrationTest;
import io.laxin.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=antifraud-service")
@LaxinIntegrationTest
class ScreeningIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private TestHttp asInviteService() {
        return TestHttp.at("http://127.0.0.1:" + port).as(Caller.service("invite-service"));
    }

    private long screenings() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM screening", Long.class);
    }

    @Test
    void shouldPassAndStoreTheDecisionWithItsInputs() {
        var r = asInviteService().post(ScreeningApi.PATH, Map.of("campaignId", 7, "referrerUserId", "alice",
                "inviteeUserId", "bob", "inviteeDeviceId", "dev-b", "ip", "10.1.2.3"));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("verdict").asString()).isEqualTo("PASS");
        String id = r.json().get("screeningId").asString();
        Map<String, Object> row = jdbc.queryForMap("SELECT verdict, inputs FROM screening WHERE id = ?", id);
        assertThat(row.get("verdict")).isEqualTo("PASS");
        assertThat((String) row.get("inputs")).contains("dev-b").contains("10.1.2.3");
    }

    @Test
    void shouldRejectSelfReferralWithItsReason() {
        var r = asInviteService().post(ScreeningApi.PATH, Map.of("campaignId", 7, "referrerUserId", "carol",
                "inviteeUserId", "carol"));

        assertThat(r.json().get("verdict").asString()).isEqualTo("REJECT");
        assertThat(r.json().get("score").asInt()).isEqualTo(100);
        assertThat(r.json().get("reasons").get(0).get("ruleId").asString()).isEqualTo("SELF_REFERRAL");
    }

    @Test
    void shouldRefuseMissingFieldsAndWriteNothing() {
        long before = screenings();
        var r = asInviteService().post(ScreeningApi.PATH, Map.of("campaignId", 7, "referrerUserId", "alice"));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(r.json().get("detail").asString()).contains("inviteeUserId");
        assertThat(screenings()).isEqualTo(before);
    }

    @Test
    void shouldRefuseACallThatSkippedTheGateway() {
        var r = TestHttp.at("http://127.0.0.1:" + port).post(ScreeningApi.PATH,
                Map.of("campaignId", 7, "referrerUserId", "a", "inviteeUserId", "b"));

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("code").asString()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void shouldRefuseAnEndUserCallingTheInternalEndpoint() {
        var r = TestHttp.at("http://127.0.0.1:" + port).as(Caller.user("mallory")).post(ScreeningApi.PATH,
                Map.of("campaignId", 7, "referrerUserId", "a", "inviteeUserId", "b"));

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().get("code").asString()).isEqualTo("FORBIDDEN");
    }

    @Test
    void shouldExposeHealthGroupsWithoutIdentity() {
        var r = TestHttp.at("http://127.0.0.1:" + port).get("/actuator/health/readiness");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("status").asString()).isEqualTo("UP");
    }
}
