package io.laxin.invite.campaign;

import static io.laxin.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.laxin.invite.InviteItSupport;
import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.Role;
import io.laxin.testsupport.TestHttp;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** reward-service reads the policy version of a referral from here (ADR 0006): signed service callers only. */
class InternalCampaignPolicyIT extends InviteItSupport {

    private static String policyPath(long campaignId, int version) {
        return "/internal/campaigns/" + campaignId + "/policies/" + version;
    }

    private TestHttp rewardService() {
        return as(Caller.service("reward-service"));
    }

    @Test
    void shouldAnswerEachPolicyVersionAsItWasWritten() {
        long campaign = createCampaign();
        var edited = operator()
                .send(
                        "PATCH",
                        "/api/v1/admin/campaigns/" + campaign,
                        Map.of(
                                "rewardPolicy",
                                Map.of(
                                        "referrerReward",
                                        Map.of("kind", "CASH", "amount", 800),
                                        "inviteeReward",
                                        Map.of("kind", "POINTS", "amount", 100),
                                        "holdDays",
                                        3,
                                        "budgetFen",
                                        50_000)));
        assertThat(edited.json().get("policyVersion").asInt()).isEqualTo(2);

        var first = rewardService().get(policyPath(campaign, 1));
        var second = rewardService().get(policyPath(campaign, 2));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("campaignId").asLong()).isEqualTo(campaign);
        assertThat(first.json().get("version").asInt()).isEqualTo(1);
        var v1 = first.json().get("policy");
        assertThat(v1.get("referrerReward").get("kind").asString()).isEqualTo("POINTS");
        assertThat(v1.get("referrerReward").get("amount").asLong()).isEqualTo(500);
        assertThat(v1.get("inviteeReward").get("amount").asLong()).isEqualTo(300);
        assertThat(v1.get("holdDays").asInt()).isEqualTo(7);
        var v2 = second.json().get("policy");
        assertThat(second.json().get("version").asInt()).isEqualTo(2);
        assertThat(v2.get("referrerReward").get("amount").asLong()).isEqualTo(800);
        assertThat(v2.get("holdDays").asInt()).isEqualTo(3);
        assertThat(v2.get("budgetFen").asLong()).isEqualTo(50_000);
    }

    @Test
    void shouldAnswerSignedServiceCallersOnly() {
        long campaign = createCampaign();

        assertProblem(TestHttp.at("http://127.0.0.1:" + port).get(policyPath(campaign, 1)), 401, "UNAUTHENTICATED");
        assertProblem(as(Caller.user("bob")).get(policyPath(campaign, 1)), 403, "FORBIDDEN");
        assertProblem(as(Caller.staff("fin", Role.FINANCE)).get(policyPath(campaign, 1)), 403, "FORBIDDEN");
        assertProblem(as(Caller.host("brand-backend")).get(policyPath(campaign, 1)), 403, "FORBIDDEN");
    }

    @Test
    void shouldAnswer404ForAnUnknownCampaignOrVersion() {
        long campaign = createCampaign();

        assertProblem(rewardService().get(policyPath(Long.MAX_VALUE - 7, 1)), 404, "CAMPAIGN_NOT_FOUND");
        assertProblem(rewardService().get(policyPath(campaign, 99)), 404, "POLICY_VERSION_NOT_FOUND");
    }
}
