package io.laxin.antifraud.review;

import static io.laxin.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.laxin.antifraud.AntifraudIT;
import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.Role;
import io.laxin.testsupport.TestHttp;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * reward-service and invite-service confirm a RISK_DECIDED message here before acting on it (ADR 0006): the decided
 * verdict of a case, to signed service callers only.
 */
class InternalRiskDecisionIT extends AntifraudIT {

    private static String decisionPath(long caseId) {
        return "/internal/risk-decisions/" + caseId;
    }

    private TestHttp as(Caller caller) {
        return TestHttp.at("http://127.0.0.1:" + port).as(caller);
    }

    private void decide(long caseId, String decision) {
        var r = asOps("op-1").post("/api/v1/admin/risk/cases/" + caseId + "/decision", Map.of("decision", decision));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    @Test
    void shouldAnswerTheDecidedVerdictOfACaseWithWhomItIsAbout() {
        long campaign = newCampaign();
        String rejectedInvitee = unique("rd-rejected");
        String passedInvitee = unique("rd-passed");
        long rejected = reviewCase(campaign, rejectedInvitee);
        long passed = reviewCase(campaign, passedInvitee);
        decide(rejected, "REJECT");
        decide(passed, "APPROVE");

        var reject = as(Caller.service("reward-service")).get(decisionPath(rejected));
        var pass = as(Caller.service("invite-service")).get(decisionPath(passed));

        assertThat(reject.status()).as(reject.toString()).isEqualTo(200);
        assertThat(reject.json().get("caseId").asLong()).isEqualTo(rejected);
        assertThat(reject.json().get("campaignId").asLong()).isEqualTo(campaign);
        assertThat(reject.json().get("inviteeUserId").asString()).isEqualTo(rejectedInvitee);
        assertThat(reject.json().get("verdict").asString()).isEqualTo("REJECT");
        assertThat(reject.json().get("reasons").get(0).get("ruleId").asString()).isEqualTo("EMULATOR");
        assertThat(reject.json().get("decidedBy").asString()).isEqualTo("op-1");
        assertThat(Instant.parse(reject.json().get("decidedAt").asString())).isNotNull();
        assertThat(pass.status()).as(pass.toString()).isEqualTo(200);
        assertThat(pass.json().get("inviteeUserId").asString()).isEqualTo(passedInvitee);
        assertThat(pass.json().get("verdict").asString()).isEqualTo("PASS");
    }

    @Test
    void shouldAnswer404ForAnOpenOrUnknownCase() {
        long open = reviewCase(newCampaign(), unique("rd-open"));

        assertProblem(as(Caller.service("reward-service")).get(decisionPath(open)), 404, "DECISION_NOT_FOUND");
        assertProblem(
                as(Caller.service("reward-service")).get(decisionPath(Long.MAX_VALUE - 11)), 404, "DECISION_NOT_FOUND");
    }

    @Test
    void shouldAnswerSignedServiceCallersOnly() {
        long id = reviewCase(newCampaign(), unique("rd-guarded"));
        decide(id, "REJECT");
        String path = decisionPath(id);

        assertProblem(TestHttp.at("http://127.0.0.1:" + port).get(path), 401, "UNAUTHENTICATED");
        assertProblem(as(Caller.service("stranger-service")).get(path), 401, "UNAUTHENTICATED");
        assertProblem(as(Caller.user("mallory")).get(path), 403, "FORBIDDEN");
        assertProblem(as(Caller.staff("op-1", Role.OPS)).get(path), 403, "FORBIDDEN");
        assertProblem(as(Caller.staff("root", Role.ADMIN)).get(path), 403, "FORBIDDEN");
        assertProblem(as(Caller.host("brand")).get(path), 403, "FORBIDDEN");
    }
}
