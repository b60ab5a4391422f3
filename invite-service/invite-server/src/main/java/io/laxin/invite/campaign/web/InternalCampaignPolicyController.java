package io.laxin.invite.campaign.web;

import io.laxin.invite.api.InviteApi;
import io.laxin.invite.api.dto.CampaignPolicyDTO;
import io.laxin.invite.campaign.application.FindingCampaign;
import io.laxin.invite.campaign.application.RewardPolicyDtos;
import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.CallerKind;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sibling services (reward-service): one immutable version of a campaign's reward policy, by service identity. The
 * referral events name the version only (ADR 0006); what a referral is worth is read here.
 */
@RestController
public class InternalCampaignPolicyController {

    private final FindingCampaign finding;

    public InternalCampaignPolicyController(FindingCampaign finding) {
        this.finding = finding;
    }

    @Operation(summary = "One version of a campaign's reward policy (internal, service identity)")
    @GetMapping(InviteApi.POLICY_PATH)
    public CampaignPolicyDTO policy(Caller caller, @PathVariable long campaignId, @PathVariable int version) {
        caller.requireKind(CallerKind.SERVICE);
        return new CampaignPolicyDTO(campaignId, version, RewardPolicyDtos.toDto(finding.policy(campaignId, version)));
    }
}
