package io.laxin.invite.campaign.application;

import io.laxin.invite.api.InviteErrorCode;
import io.laxin.invite.campaign.domain.Campaign;
import io.laxin.invite.campaign.domain.CampaignPolicies;
import io.laxin.invite.campaign.domain.Campaigns;
import io.laxin.kernel.error.LaxinException;
import io.laxin.kernel.idempotency.IdempotentRequests;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case: an operator edits a campaign. A DRAFT may change in every field and its policy version 1 is overwritten;
 * a launched (ACTIVE or PAUSED) campaign only in name, end, landing (URL, mini-program page) and reward policy, and a different policy
 * becomes version N+1, in force for registrations decided from then on. ENDED campaigns, and locked fields, answer
 * 409 CAMPAIGN_NOT_EDITABLE; an invalid result 400 CAMPAIGN_INVALID; either way nothing is written. Sending the
 * current values again changes nothing (no new version).
 */
@Service
public class EditingCampaign {

    private final Campaigns campaigns;
    private final CampaignPolicies policies;
    private final FindingCampaign finding;
    private final IdempotentRequests idempotency;

    public EditingCampaign(
            Campaigns campaigns, CampaignPolicies policies, FindingCampaign finding, IdempotentRequests idempotency) {
        this.campaigns = campaigns;
        this.policies = policies;
        this.finding = finding;
        this.idempotency = idempotency;
    }

    /** {@link #handle(EditCampaignCommand)} once per Idempotency-Key, recorded in its transaction. */
    @Transactional
    public <A> A handle(EditCampaignCommand c, IdempotentRequests.Answer<Campaign, A> answer) {
        return idempotency.once(answer, () -> handle(c));
    }

    @Transactional
    public Campaign handle(EditCampaignCommand c) {
        Campaign before = finding.lock(c.campaignId());
        if (!before.isEditable()) {
            throw new LaxinException(
                    InviteErrorCode.CAMPAIGN_NOT_EDITABLE,
                    "Campaign " + before.id() + " has ENDED; it can no longer be edited");
        }
        var locked = before.lockedFieldsChangedBy(c.changes());
        if (!locked.isEmpty()) {
            throw new LaxinException(
                    InviteErrorCode.CAMPAIGN_NOT_EDITABLE,
                    "Campaign " + before.id() + " is "
                            + before.status() + ": " + String.join(", ", locked)
                            + " can no longer change (only name, endsAt, "
                            + "landingUrl, miniProgramPage, referrers and rewardPolicy can)");
        }
        Campaign after;
        try {
            after = before.revised(c.changes());
        } catch (IllegalArgumentException e) {
            throw new LaxinException(InviteErrorCode.CAMPAIGN_INVALID, e.getMessage());
        }
        if (after.policyVersion() != before.policyVersion()) {
            policies.add(after.id(), after.policyVersion(), after.rewardPolicy(), c.operatorId());
        } else if (!after.rewardPolicy().equals(before.rewardPolicy())) {
            policies.replace(after.id(), after.policyVersion(), after.rewardPolicy(), c.operatorId());
        }
        campaigns.update(after);
        return after;
    }
}
