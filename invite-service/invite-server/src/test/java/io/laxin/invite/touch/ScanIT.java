package io.laxin.invite.touch;

import static io.laxin.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.laxin.invite.InviteItSupport;
import io.laxin.kernel.identity.Caller;
import io.laxin.testsupport.TestHttp;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Mini-program scans reported through {@code /api/v1/public/scans} count like share-link touches and attribute. */
class ScanIT extends InviteItSupport {

    private static final String WECHAT = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0) MicroMessenger/8.0.44 miniProgram";

    private TestHttp.Response scan(Map<String, Object> body) {
        return as(Caller.anonymous()).header("User-Agent", WECHAT).post("/api/v1/public/scans", body);
    }

    private JsonNode totals(long campaign) {
        return operator()
                .get("/api/v1/admin/campaigns/" + campaign + "/funnel")
                .json()
                .get("totals");
    }

    @Test
    void shouldCountAMiniProgramScanAsATouchOfItsChannelAndAttributeTheSameDevice() {
        passAllScreenings();
        long campaign = createCampaign();
        String code = codeOf(campaign, "sc-owner");

        var first = scan(Map.of("scene", "i%3D" + code + "%26c%3Dposter", "deviceId", "mp-dev-1"));
        var again = scan(Map.of("scene", "i=" + code + "&c=poster", "deviceId", "mp-dev-1"));

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().get("code").asString()).isEqualTo(code);
        assertThat(first.json().get("channel").asString()).isEqualTo("poster");
        assertThat(first.json().get("campaignId").asLong()).isEqualTo(campaign);
        assertThat(first.json().get("counted").asBoolean()).isTrue();
        assertThat(first.json().get("landingUrl").asString())
                .isEqualTo("https://brand.example/register?src=laxin&inviteCode=" + code + "&channel=poster");
        assertThat(again.json().get("counted").asBoolean())
                .as("a repeat within the hour")
                .isFalse();
        assertThat(totals(campaign).get("touches").asLong()).isEqualTo(2);
        assertThat(totals(campaign).get("uniqueTouches").asLong()).isEqualTo(1);

        // the friend registers in the mini-program from the same device, without typing the code: the host reports
        // the device token the scan answered (the SDK keeps it as its device id)
        var registered = report(new HashMap<>(Map.of(
                "campaignId",
                campaign,
                "inviteeUserId",
                "sc-friend",
                "deviceId",
                first.json().get("deviceToken").asString())));

        assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
        assertThat(registered.json().get("referrerUserId").asString()).isEqualTo("sc-owner");
        JsonNode rows = operator()
                .get("/api/v1/admin/campaigns/" + campaign + "/funnel")
                .json()
                .get("rows");
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.get("channel").asString()).isEqualTo("poster");
            assertThat(r.get("touches").asLong()).isEqualTo(2);
            assertThat(r.get("attributed").asLong()).isEqualTo(1);
        });
    }

    @Test
    void shouldTakeACodeAndChannelWithoutASceneAndTheDeviceFromTheHeader() {
        long campaign = createCampaign();
        String code = codeOf(campaign, "sc-h5");

        var r = as(Caller.anonymous())
                .header("User-Agent", WECHAT)
                .header("X-Device-Id", "h5-dev-9")
                .post("/api/v1/public/scans", Map.of("code", code.toLowerCase(), "channel", "moments"));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("code").asString()).isEqualTo(code);
        assertThat(r.json().get("channel").asString()).isEqualTo("moments");
        assertThat(totals(campaign).get("uniqueTouches").asLong()).isEqualTo(1);
    }

    @Test
    void shouldCountAScanFromALinkPreviewBotAsNothing() {
        long campaign = createCampaign();
        String code = codeOf(campaign, "sc-bot");

        var r = as(Caller.anonymous())
                .header("User-Agent", "facebookexternalhit/1.1")
                .post("/api/v1/public/scans", Map.of("scene", "i=" + code + "&c=qr", "deviceId", "bot-dev"));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("counted").asBoolean()).isFalse();
        assertThat(totals(campaign).get("touches").asLong()).isZero();
    }

    @Test
    void shouldRefuseScenesWithoutACodeAndUnknownOrRevokedCodesWithoutCounting() {
        long campaign = createCampaign();
        String code = codeOf(campaign, "sc-rev");

        assertProblem(scan(Map.of("scene", "c=poster&x=1")), 400, "INVITE_SCENE_MALFORMED");
        assertProblem(scan(Map.of("scene", "i=" + "A".repeat(200))), 400, "INVITE_SCENE_MALFORMED");
        assertProblem(scan(Map.of("deviceId", "d")), 400, "INVITE_SCENE_MALFORMED");
        assertProblem(scan(Map.of("scene", "i=ZZZZ9999&c=poster")), 404, "INVITE_CODE_NOT_FOUND");
        assertProblem(scan(Map.of("scene", "i=no-such-shape!&c=poster")), 400, "INVITE_CODE_MALFORMED");
        operator()
                .header("Idempotency-Key", "rev-" + code)
                .post("/api/v1/admin/campaigns/" + campaign + "/codes/" + code + "/revoke", Map.of("reason", "abuse"));
        assertProblem(
                scan(Map.of("scene", "i=" + code + "&c=poster", "deviceId", "d-rev")), 410, "INVITE_CODE_REVOKED");

        assertThat(totals(campaign).get("touches").asLong()).isZero();
    }

    @Test
    void shouldShowALaunchedCampaignsRulesToAnyoneButNotADraft() {
        long campaign = createCampaign();
        Map<String, Object> draft = new HashMap<>(campaignBody("Draft rules"));
        draft.put("status", "DRAFT");
        long drafted = createCampaign(draft);

        var rules = as(Caller.anonymous()).get("/api/v1/public/campaigns/" + campaign);

        assertThat(rules.status()).as(rules.toString()).isEqualTo(200);
        assertThat(rules.json().get("referrerReward").get("kind").asString()).isEqualTo("POINTS");
        assertThat(rules.json().get("referrerReward").get("amount").asLong()).isEqualTo(500);
        assertThat(rules.json().get("inviteeReward").get("amount").asLong()).isEqualTo(300);
        assertThat(rules.json().get("holdDays").asInt()).isEqualTo(7);
        assertThat(rules.json().has("budgetFen")).isFalse();
        assertProblem(as(Caller.anonymous()).get("/api/v1/public/campaigns/" + drafted), 404, "CAMPAIGN_NOT_FOUND");
    }
}
