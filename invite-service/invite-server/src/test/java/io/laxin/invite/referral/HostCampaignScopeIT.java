package io.laxin.invite.referral;

import static io.laxin.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.laxin.invite.InviteItSupport;
import io.laxin.kernel.identity.Caller;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A host key scoped to some campaigns (gateway {@code keyId=secret;campaigns=…}) acts on those only. */
class HostCampaignScopeIT extends InviteItSupport {

    @Test
    void shouldRefuseAScopedHostRegisteringOutsideItsCampaignsBeforeWritingAndAcceptItsOwn() {
        long mine = createCampaign();
        long other = createCampaign();
        String code = codeOf(other, "scope-referrer-1");
        var scoped = as(Caller.host("brand-s", Set.of(mine)));
        long before = count("referral");

        var refused = scoped.post(
                "/api/v1/host/registrations",
                Map.of("campaignId", other, "inviteeUserId", "scope-invitee-1", "inviteCode", code));

        assertProblem(refused, 403, "CAMPAIGN_OUT_OF_SCOPE");
        assertThat(count("referral")).isEqualTo(before);
        var ok = scoped.post(
                "/api/v1/host/registrations",
                Map.of(
                        "campaignId",
                        mine,
                        "inviteeUserId",
                        "scope-invitee-1",
                        "inviteCode",
                        codeOf(mine, "scope-referrer-1")));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(count("referral")).isEqualTo(before + 1);
    }

    @Test
    void shouldShowAScopedHostOnlyTheReferralsOfItsCampaigns() {
        long mine = createCampaign();
        long other = createCampaign();
        assertThat(register(mine, "scope-invitee-2", codeOf(mine, "scope-referrer-2"))
                        .status())
                .isEqualTo(200);
        assertThat(register(other, "scope-invitee-2", codeOf(other, "scope-referrer-2"))
                        .status())
                .isEqualTo(200);

        var all = host().get("/api/v1/host/referrals?inviteeUserId=scope-invitee-2");
        var scoped =
                as(Caller.host("brand-s", Set.of(mine))).get("/api/v1/host/referrals?inviteeUserId=scope-invitee-2");

        assertThat(campaigns(all)).containsExactlyInAnyOrder(mine, other);
        assertThat(campaigns(scoped)).containsExactly(mine);
    }

    private static List<Long> campaigns(io.laxin.testsupport.TestHttp.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        r.json().forEach(e -> ids.add(e.get("campaignId").asLong()));
        return ids;
    }
}
