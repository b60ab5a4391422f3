package io.laxin.invite.code;

import io.laxin.invite.InviteItSupport;
import io.laxin.invite.code.domain.CodeFormat;
import io.laxin.kernel.identity.Caller;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.laxin.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

class InviteCodeIT extends InviteItSupport {

    @Test
    void shouldGiveTheSameCodeAndLinkEveryTime() {
        long campaign = createCampaign();

        var first = as(Caller.user("sam")).get("/api/v1/invites/mine?campaignId=" + campaign).json();
        var again = as(Caller.user("sam")).get("/api/v1/invites/mine?campaignId=" + campaign).json();
        String other = codeOf(campaign, "tess");

        assertThat(again.get("code").asString()).isEqualTo(first.get("code").asString());
        assertThat(first.get("code").asString()).matches("[" + CodeFormat.ALPHABET + "]{8}").isNotEqualTo(other);
        assertThat(first.get("shareLink").asString())
                .isEqualTo("http://localhost:8080/s/" + first.get("code").asString() + "?ch=link");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM invite_code WHERE campaign_id = ? AND user_id = 'sam'",
                Long.class, campaign)).isEqualTo(1);
    }

    @Test
    void shouldIssueToSiblingServicesWithTheirChannel() {
        long campaign = createCampaign();
        String code = codeOf(campaign, "uma");

        var r = as(Caller.service("poster-service")).post("/internal/invites",
                Map.of("campaignId", campaign, "userId", "uma", "channel", "poster"));

        assertThat(r.json().get("code").asString()).isEqualTo(code);
        assertThat(r.json().get("shareLink").asString()).endsWith("/s/" + code + "?ch=poster");
        assertProblem(as(Caller.user("uma")).post("/internal/invites",
                Map.of("campaignId", campaign, "userId", "uma")), 403, "FORBIDDEN");
    }

    @Test
    void shouldRefuseUnknownCampaignsAndNonUsers() {
        long before = count("invite_code");
        assertProblem(as(Caller.user("vic")).get("/api/v1/invites/mine?campaignId=424242"), 404, "CAMPAIGN_NOT_FOUND");
        assertProblem(as(Caller.user("vic")).get("/api/v1/invites/mine"), 400, "VALIDATION_FAILED");
        assertProblem(as(Caller.host("brand")).get("/api/v1/invites/mine?campaignId=1"), 403, "FORBIDDEN");
        assertThat(count("invite_code")).isEqualTo(before);
    }
}
