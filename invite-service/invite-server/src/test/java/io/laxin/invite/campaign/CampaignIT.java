package io.laxin.invite.campaign;

import io.laxin.invite.InviteItSupport;
import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.Role;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static io.laxin.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

class CampaignIT extends InviteItSupport {

    @Test
    void shouldCreateACampaignWithItsRewardPolicy() {
        var r = operator().post("/api/v1/admin/campaigns", campaignBody("Winter referral"));

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        long id = r.json().get("id").asLong();
        var read = operator().get("/api/v1/admin/campaigns/" + id);
        assertThat(read.json().get("name").asString()).isEqualTo("Winter referral");
        assertThat(read.json().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(read.json().get("rewardPolicy").get("inviteeReward").get("kind").asString()).isEqualTo("CASH");
        assertThat(read.json().get("rewardPolicy").get("holdDays").asInt()).isEqualTo(7);
        assertThat(read.json().get("policyVersion").asInt()).isEqualTo(1);
    }

    @Test
    void shouldReplayTheFirstAnswerForTheSameIdempotencyKey() {
        long before = count("campaign");
        var first = operator().header("Idempotency-Key", "seed-42").post("/api/v1/admin/campaigns",
                campaignBody("Once only"));
        var replay = operator().header("Idempotency-Key", "seed-42").post("/api/v1/admin/campaigns",
                campaignBody("Once only"));

        assertThat(replay.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
        assertThat(count("campaign")).isEqualTo(before + 1);
        assertProblem(operator().header("Idempotency-Key", "seed-42").post("/api/v1/admin/campaigns",
                campaignBody("Something else")), 422, "IDEMPOTENCY_KEY_REUSED");
        assertThat(count("campaign")).isEqualTo(before + 1);
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
        assertProblem(operator().post("/api/v1/admin/campaigns", badUrl), 400, "VALIDATION_FAILED");
        assertThat(count("campaign")).isEqualTo(before);
    }

    @Test
    void shouldLetOnlyOperatorsCreateCampaigns() {
        assertProblem(as(Caller.user("u1")).post("/api/v1/admin/campaigns", campaignBody("Nope")), 403, "FORBIDDEN");
        assertProblem(as(Caller.staff("f1", Role.FINANCE)).post("/api/v1/admin/campaigns", campaignBody("Nope")),
                403, "FORBIDDEN");
        assertProblem(operator().get("/api/v1/admin/campaigns/987654"), 404, "CAMPAIGN_NOT_FOUND");
    }

    @Test
    void shouldCountTheFunnelOfACampaign() {
        long campaign = createCampaign();
        String code = codeOf(campaign, "pia");
        REWARDS.on("/internal/rewards/campaigns/" + campaign + "/summary", r -> io.laxin.testsupport.FakeService
                .Answer.json(Map.of("campaignId", campaign, "rewardsIssued", 4, "referrerRewards", 2,
                        "inviteeRewards", 2, "pending", 4)));
        as(Caller.anonymous()).header("X-Device-Id", "d1").get("/s/" + code + "?ch=moments");
        as(Caller.anonymous()).header("X-Device-Id", "d2").get("/s/" + code + "?ch=group");
        as(Caller.anonymous()).header("X-Device-Id", "d3").get("/s/" + code + "?ch=poster");
        register(campaign, "quinn", code);
        register(campaign, "rosa", code);
        register(campaign, "pia", code);

        var stats = operator().get("/api/v1/admin/campaigns/" + campaign + "/stats").json();

        assertThat(stats.get("touches").asLong()).isEqualTo(3);
        assertThat(stats.get("registrations").asLong()).isEqualTo(3);
        assertThat(stats.get("attributed").asLong()).isEqualTo(2);
        assertThat(stats.get("rejected").asLong()).isEqualTo(1);
        assertThat(stats.get("rewardsIssued").asLong()).isEqualTo(4);
    }
}
