package io.laxin.invite.campaign;

import static io.laxin.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.laxin.invite.InviteItSupport;
import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.Role;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CampaignIT extends InviteItSupport {

    @Test
    void shouldCreateACampaignWithItsRewardPolicy() {
        var r = operator().post("/api/v1/admin/campaigns", campaignBody("Winter referral"));

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        long id = r.json().get("id").asLong();
        var read = operator().get("/api/v1/admin/campaigns/" + id);
        assertThat(read.json().get("name").asString()).isEqualTo("Winter referral");
        assertThat(read.json().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(read.json()
                        .get("rewardPolicy")
                        .get("inviteeReward")
                        .get("kind")
                        .asString())
                .isEqualTo("CASH");
        assertThat(read.json().get("rewardPolicy").get("holdDays").asInt()).isEqualTo(7);
        assertThat(read.json().get("policyVersion").asInt()).isEqualTo(1);
    }

    @Test
    void shouldReplayTheFirstAnswerForTheSameIdempotencyKey() {
        long before = count("campaign");
        var first = operator()
                .header("Idempotency-Key", "seed-42")
                .post("/api/v1/admin/campaigns", campaignBody("Once only"));
        var replay = operator()
                .header("Idempotency-Key", "seed-42")
                .post("/api/v1/admin/campaigns", campaignBody("Once only"));

        assertThat(replay.json().get("id").asLong())
                .isEqualTo(first.json().get("id").asLong());
        assertThat(count("campaign")).isEqualTo(before + 1);
        assertProblem(
                operator()
                        .header("Idempotency-Key", "seed-42")
                        .post("/api/v1/admin/campaigns", campaignBody("Something else")),
                422,
                "IDEMPOTENCY_KEY_REUSED");
        assertThat(count("campaign")).isEqualTo(before + 1);
    }

    @Test
    void shouldRecordNoKeyWhenTheUseCaseRefusesSoTheSameKeyCanBeRetried() {
        long before = count("campaign");
        Map<String, Object> backwards = new HashMap<>(campaignBody("Refused first"));
        backwards.put("endsAt", "2019-01-01T00:00:00Z");

        // refused inside the use case's transaction, after the key was taken: the key is rolled back with it
        assertProblem(
                operator().header("Idempotency-Key", "refused-7").post("/api/v1/admin/campaigns", backwards),
                400,
                "CAMPAIGN_INVALID");
        assertThat(recordedKeys("refused-7")).isZero();

        var created = operator()
                .header("Idempotency-Key", "refused-7")
                .post("/api/v1/admin/campaigns", campaignBody("Refused first"));
        var replay = operator()
                .header("Idempotency-Key", "refused-7")
                .post("/api/v1/admin/campaigns", campaignBody("Refused first"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.json()).isEqualTo(created.json());
        assertThat(count("campaign")).isEqualTo(before + 1);
        assertThat(recordedKeys("refused-7")).isOne();
    }

    private long recordedKeys(String key) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM idempotency_record WHERE idem_key = ?", Long.class, key);
    }

    @Test
    void shouldRefuseAnInvalidCampaignAndWriteNothing() {
        long before = count("campaign");
        Map<String, Object> backwards = new HashMap<>(campaignBody("Backwards"));
        backwards.put("endsAt", "2019-01-01T00:00:00Z");
        Map<String, Object> noPolicy = new HashMap<>(campaignBody("No policy"));
        noPolicy.remove("rewardPolicy");
        Map<String, Object> badUrl = new HashMap<>(campaignBody("Bad URL"));
        badUrl.put("landingUrl", "javascript:alert(1)");

        assertProblem(operator().post("/api/v1/admin/campaigns", backwards), 400, "CAMPAIGN_INVALID");
        assertProblem(operator().post("/api/v1/admin/campaigns", noPolicy), 400, "VALIDATION_FAILED");
        var badUrlRefused = operator().post("/api/v1/admin/campaigns", badUrl);
        assertProblem(badUrlRefused, 400, "VALIDATION_FAILED");
        // the console shows each refusal on its field
        assertThat(badUrlRefused.json().get("errors").get(0).get("field").asString())
                .isEqualTo("landingUrl");
        assertThat(badUrlRefused.json().get("errors").get(0).get("message").asString())
                .contains("http(s) URL");
        assertThat(count("campaign")).isEqualTo(before);
    }

    @Test
    void shouldLetOnlyOperatorsCreateCampaigns() {
        assertProblem(as(Caller.user("u1")).post("/api/v1/admin/campaigns", campaignBody("Nope")), 403, "FORBIDDEN");
        assertProblem(
                as(Caller.staff("f1", Role.FINANCE)).post("/api/v1/admin/campaigns", campaignBody("Nope")),
                403,
                "FORBIDDEN");
        assertProblem(operator().get("/api/v1/admin/campaigns/987654"), 404, "CAMPAIGN_NOT_FOUND");
    }

    @Test
    void shouldCountTheFunnelOfACampaign() {
        long campaign = createCampaign();
        String code = codeOf(campaign, "pia");
        REWARDS.on(
                "/internal/rewards/campaigns/" + campaign + "/summary",
                r -> io.laxin.testsupport.FakeService.Answer.json(Map.of(
                        "campaignId",
                        campaign,
                        "rewardsIssued",
                        4,
                        "referrerRewards",
                        2,
                        "inviteeRewards",
                        2,
                        "pending",
                        4)));
        as(Caller.anonymous()).header("X-Device-Id", "d1").get("/s/" + code + "?ch=moments");
        as(Caller.anonymous()).header("X-Device-Id", "d2").get("/s/" + code + "?ch=group");
        as(Caller.anonymous()).header("X-Device-Id", "d3").get("/s/" + code + "?ch=poster");
        register(campaign, "quinn", code);
        register(campaign, "rosa", code);
        register(campaign, "pia", code);

        var stats =
                operator().get("/api/v1/admin/campaigns/" + campaign + "/stats").json();

        assertThat(stats.get("touches").asLong()).isEqualTo(3);
        assertThat(stats.get("registrations").asLong()).isEqualTo(3);
        assertThat(stats.get("attributed").asLong()).isEqualTo(2);
        assertThat(stats.get("rejected").asLong()).isEqualTo(1);
        assertThat(stats.get("rewardsIssued").asLong()).isEqualTo(4);
    }

    private static Map<String, Object> miniProgramOnly(String page) {
        Map<String, Object> body = new HashMap<>(campaignBody("Mini-program only"));
        body.remove("landingUrl");
        body.put("miniProgramPage", page);
        return body;
    }

    @Test
    void shouldLandAMiniProgramOnlyCampaignOnItsPageAndStillCountTheTouch() {
        long c = createCampaign(miniProgramOnly("pages/invite/index"));
        String code = codeOf(c, "mp-alice");

        var campaign = operator().get("/api/v1/admin/campaigns/" + c).json();
        assertThat(campaign.get("miniProgramPage").asString()).isEqualTo("pages/invite/index");
        assertThat(campaign.get("landingUrl").isNull()).isTrue();
        var invite = as(Caller.service("poster-service"))
                .post("/internal/invites", Map.of("campaignId", c, "userId", "mp-alice", "channel", "poster"))
                .json();
        assertThat(invite.get("miniProgramPage").asString()).isEqualTo("pages/invite/index");
        assertThat(as(Caller.user("mp-alice"))
                        .get("/api/v1/invites/mine?campaignId=" + c)
                        .json()
                        .get("miniProgramPage")
                        .asString())
                .isEqualTo("pages/invite/index");

        var opened = as(Caller.anonymous()).header("X-Device-Id", "mp-d1").get("/s/" + code + "?ch=group");
        assertThat(opened.status()).as(opened.toString()).isEqualTo(200);
        assertThat(opened.json().get("miniProgramPage").asString()).isEqualTo("pages/invite/index");
        assertThat(opened.json().get("path").asString())
                .isEqualTo("pages/invite/index?inviteCode=" + code + "&channel=group");
        assertThat(operator()
                        .get("/api/v1/admin/campaigns/" + c + "/stats")
                        .json()
                        .get("touches")
                        .asLong())
                .isEqualTo(1);
        // the touch binds the device's registration like any other, under the device token the link set as cookie
        String token =
                opened.header("Set-Cookie").substring("laxin_dt=".length()).split(";")[0];
        var reg = report(Map.of("campaignId", c, "inviteeUserId", "mp-bob", "deviceId", token));
        assertThat(reg.json().get("referrerUserId").asString()).isEqualTo("mp-alice");
    }

    @Test
    void shouldValidateTheMiniProgramPageAndKeepALandingWhenEditing() {
        long before = count("campaign");
        for (String bad : java.util.List.of("/pages/index", "pages/index?a=1", "pages/" + "x".repeat(130))) {
            assertProblem(operator().post("/api/v1/admin/campaigns", miniProgramOnly(bad)), 400, "VALIDATION_FAILED");
        }
        Map<String, Object> neither = new HashMap<>(campaignBody("Neither"));
        neither.remove("landingUrl");
        assertProblem(operator().post("/api/v1/admin/campaigns", neither), 400, "CAMPAIGN_INVALID");
        assertThat(count("campaign")).isEqualTo(before);

        long c = createCampaign();
        var both = operator()
                .send("PATCH", "/api/v1/admin/campaigns/" + c, Map.of("miniProgramPage", "pages/invite/index"));
        assertThat(both.json().get("landingUrl").asString()).startsWith("https://");
        assertThat(both.json().get("miniProgramPage").asString()).isEqualTo("pages/invite/index");
        var pageOnly = operator().send("PATCH", "/api/v1/admin/campaigns/" + c, Map.of("landingUrl", ""));
        assertThat(pageOnly.json().get("landingUrl").isNull()).isTrue();
        assertProblem(
                operator().send("PATCH", "/api/v1/admin/campaigns/" + c, Map.of("miniProgramPage", "")),
                400,
                "CAMPAIGN_INVALID");
        assertThat(operator()
                        .get("/api/v1/admin/campaigns/" + c)
                        .json()
                        .get("miniProgramPage")
                        .asString())
                .isEqualTo("pages/invite/index");
    }
}
