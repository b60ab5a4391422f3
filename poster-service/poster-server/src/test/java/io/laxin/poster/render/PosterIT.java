package io.laxin.poster.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.IdentityHeaders;
import io.laxin.kernel.identity.InternalRequest;
import io.laxin.kernel.identity.Role;
import io.laxin.poster.render.FakeInviteService.Received;
import io.laxin.testsupport.LaxinIntegrationTest;
import io.laxin.testsupport.ProblemAssert;
import io.laxin.testsupport.TestHttp;
import io.laxin.testsupport.TestKeys;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=poster-service", "laxin.poster.title=Bring a friend, both get 20 yuan"})
@LaxinIntegrationTest
class PosterIT {

    private static final FakeInviteService INVITES = FakeInviteService.start();
    private static final String MINE = "/api/v1/posters/mine";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void inviteService(DynamicPropertyRegistry registry) {
        registry.add("laxin.services.invite-url", INVITES::url);
    }

    @AfterAll
    static void stopFake() {
        INVITES.close();
    }

    @BeforeEach
    void forgetEarlierCalls() {
        INVITES.reset();
    }

    private TestHttp poster() {
        return TestHttp.at("http://127.0.0.1:" + port);
    }

    private TestHttp asUser(String userId) {
        return poster().as(Caller.user(userId));
    }

    @Test
    void shouldRenderTheUsersJpegPosterWithTheirShareLinkInTheQrCode() {
        var r = asUser("u1").get(MINE + "?campaignId=42&format=jpeg");

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("image/jpeg");
        assertThat(r.header("Cache-Control")).isEqualTo("private, max-age=300");
        assertThat(Arrays.copyOf(r.body(), 3)).containsExactly(0xFF, 0xD8, 0xFF);
        BufferedImage image = QrCodes.image(r.body());
        assertThat(image.getWidth()).isEqualTo(750);
        assertThat(image.getHeight()).isEqualTo(1334);
        assertThat(QrCodes.decode(image).getText()).isEqualTo(FakeInviteService.shareLink(42, "u1"));
    }

    @Test
    void shouldAskInviteServiceForThePosterChannelInviteAsItself() {
        asUser("u1").get(MINE + "?campaignId=42&format=png");

        assertThat(INVITES.received()).hasSize(1);
        Received call = INVITES.received().get(0);
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.path()).isEqualTo("/internal/invites");
        assertThat(call.body().get("campaignId").asLong()).isEqualTo(42);
        assertThat(call.body().get("userId").asString()).isEqualTo("u1");
        assertThat(call.body().get("channel").asString()).isEqualTo("poster");
        assertThat(call.header(IdentityHeaders.CALLER)).startsWith("SERVICE:poster-service");
        // the headers are really signed: invite-service's filter would accept them for this method, path and body
        var verified = TestKeys.verifier("invite-service")
                .verify(
                        call::header,
                        new InternalRequest("POST", "/internal/invites", call.query(), call.raw(), "invite-service"));
        assertThat(verified.caller()).contains(Caller.service("poster-service"));
    }

    @Test
    void shouldRefuseAMiniProgramCampaignsPosterWhenNoWechatAppIsConfigured() {
        var r = asUser("u-wxa").get(MINE + "?campaignId=" + FakeInviteService.MINI_PROGRAM_CAMPAIGN);

        ProblemAssert.assertProblem(r, 503, "WECHAT_NOT_CONFIGURED");
        assertThat(r.json().get("detail").asString()).contains("Campaign " + FakeInviteService.MINI_PROGRAM_CAMPAIGN);
    }

    @Test
    void shouldRenderAPngWhenAsked() {
        var r = asUser("u2").get(MINE + "?campaignId=7&format=png");

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("image/png");
        assertThat(Arrays.copyOf(r.body(), 4)).containsExactly(0x89, 'P', 'N', 'G');
        assertThat(QrCodes.text(r.body())).isEqualTo(FakeInviteService.shareLink(7, "u2"));
    }

    @Test
    void shouldRefuseAnUnsupportedFormatWithoutAskingInviteService() {
        var r = asUser("u1").get(MINE + "?campaignId=42&format=gif");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("code").asString()).isEqualTo("POSTER_FORMAT_UNSUPPORTED");
        assertThat(r.json().get("number").asInt()).isEqualTo(40001);
        assertThat(r.json().get("detail").asString()).contains("gif");
        assertThat(INVITES.received()).isEmpty();
    }

    @Test
    void shouldRefuseAMissingCampaignId() {
        var r = asUser("u1").get(MINE + "?format=png");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(r.json().get("detail").asString()).contains("campaignId");
        assertThat(INVITES.received()).isEmpty();
    }

    @Test
    void shouldRefuseACallThatSkippedTheGateway() {
        var r = poster().get(MINE + "?campaignId=42");

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("code").asString()).isEqualTo("UNAUTHENTICATED");
        assertThat(INVITES.received()).isEmpty();
    }

    @Test
    void shouldRefuseStaffBecauseAPosterBelongsToAnEndUser() {
        var r = poster().as(Caller.staff("ops-1", Role.ADMIN)).get(MINE + "?campaignId=42");

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().get("code").asString()).isEqualTo("FORBIDDEN");
        assertThat(INVITES.received()).isEmpty();
    }

    @Test
    void shouldAnswerNotFoundForAnUnknownCampaign() {
        var r = asUser("u1").get(MINE + "?campaignId=" + FakeInviteService.UNKNOWN_CAMPAIGN);

        assertThat(r.status()).as(r.toString()).isEqualTo(404);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("code").asString()).isEqualTo("CAMPAIGN_NOT_FOUND");
    }

    @Test
    void shouldPassOnThatACampaignIsNotActive() {
        var r = asUser("u1").get(MINE + "?campaignId=" + FakeInviteService.ENDED_CAMPAIGN);

        assertThat(r.status()).as(r.toString()).isEqualTo(409);
        assertThat(r.json().get("code").asString()).isEqualTo("CAMPAIGN_NOT_ACTIVE");
    }

    @Test
    void shouldAnswerUnavailableWhenInviteServiceFails() {
        var r = asUser("u1").get(MINE + "?campaignId=" + FakeInviteService.BROKEN_CAMPAIGN);

        assertThat(r.status()).as(r.toString()).isEqualTo(503);
        assertThat(r.json().get("code").asString()).isEqualTo("INVITE_UNAVAILABLE");
    }

    @Test
    void shouldGiveUpOnASlowInviteServiceWithinTheReadTimeout() {
        long started = System.nanoTime();
        var r = asUser("u1").get(MINE + "?campaignId=" + FakeInviteService.SLOW_CAMPAIGN);
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(r.status()).as(r.toString()).isEqualTo(503);
        assertThat(r.json().get("code").asString()).isEqualTo("INVITE_UNAVAILABLE");
        assertThat(millis).as("read timeout is 2 s").isBetween(1_900L, 6_000L);
    }

    @Test
    void shouldExposeHealthWithoutIdentity() {
        var r = poster().get("/actuator/health/readiness");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("status").asString()).isEqualTo("UP");
    }
}
