package io.laxin.invite.touch;

import io.laxin.invite.InviteItSupport;
import io.laxin.kernel.identity.Caller;
import org.junit.jupiter.api.Test;

import static io.laxin.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

class ShareLinkIT extends InviteItSupport {

    @Test
    void shouldRecordTheTouchAndRedirectToTheLandingPage() {
        long campaign = createCampaign();
        String code = codeOf(campaign, "wes");

        var r = as(Caller.anonymous()).header("User-Agent", "Mozilla/5.0 MicroMessenger/8.0")
                .header("X-Device-Id", "dev-w1").get("/s/" + code.toLowerCase() + "?ch=moments");

        assertThat(r.status()).isEqualTo(302);
        assertThat(r.header("Location"))
                .isEqualTo("https://brand.example/register?src=laxin&inviteCode=" + code + "&channel=moments");
        var touch = jdbc.queryForMap("SELECT channel, device_id, user_agent FROM touch WHERE code = ?", code);
        assertThat(touch.get("channel")).isEqualTo("moments");
        assertThat(touch.get("device_id")).isEqualTo("dev-w1");
        assertThat((String) touch.get("user_agent")).contains("MicroMessenger");
    }

    @Test
    void shouldNotCountHeadRequests() {
        long campaign = createCampaign();
        String code = codeOf(campaign, "xia");

        var r = as(Caller.anonymous()).send("HEAD", "/s/" + code, null);

        assertThat(r.status()).isEqualTo(302);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM touch WHERE code = ?", Long.class, code)).isZero();
    }

    @Test
    void shouldRefuseMalformedAndUnknownCodesWithoutRecording() {
        long before = count("touch");
        assertProblem(as(Caller.anonymous()).get("/s/not-a-code"), 400, "INVITE_CODE_MALFORMED");
        assertProblem(as(Caller.anonymous()).get("/s/ZZZZZZZZ"), 404, "INVITE_CODE_NOT_FOUND");
        assertThat(count("touch")).isEqualTo(before);
    }
}
