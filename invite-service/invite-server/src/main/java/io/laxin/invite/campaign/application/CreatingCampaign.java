package io.laxin.invite.campaign.application;

import io.laxin.invite.api.InviteErrorCode;
import io.laxin.invite.campaign.domain.Campaign;
import io.laxin.invite.campaign.domain.CampaignPolicies;
import io.laxin.invite.campaign.domain.Campaigns;
import io.laxin.invite.campaign.domain.Landing;
import io.laxin.kernel.error.LaxinException;
import io.laxin.kernel.idempotency.IdempotentRequests;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use case: an operator creates a campaign; its reward policy is stored as version 1 in the same transaction. */
@Service
public class CreatingCampaign {

    private final Campaigns campaigns;
    private final CampaignPolicies policies;
    private final IdempotentRequests idempotency;

    public CreatingCampaign(Campaigns campaigns, CampaignPolicies policies, IdempotentRequests idempotency) {
        this.campaigns = campaigns;
        this.policies = policies;
        this.idempotency = idempotency;
    }

    /** {@link #handle(CreateCampaignCommand)} once per Idempotency-Key, recorded in its transaction. */
    @Transactional
    public <A> A handle(CreateCampaignCommand c, IdempotentRequests.Answer<Campaign, A> answer) {
        return idempotency.once(answer, () -> handle(c));
    }

    @Transactional
    public Campaign handle(CreateCampaignCommand c) {
        Campaign campaign;
        try {
            campaign = Campaign.create(
                            c.name(),
                            c.startsAt(),
                            c.endsAt(),
                            c.attributionWindowDays(),
                            c.bindingMode(),
                            new Landing(c.landingUrl(), c.miniProgramPage()),
                            c.referrers(),
                            c.rewardPolicy(),
                            c.operatorId(),
                            c.draft())
                    .withLegacyDeviceIds(c.legacyDeviceIds());
        } catch (IllegalArgumentException e) {
            throw new LaxinException(InviteErrorCode.CAMPAIGN_INVALID, e.getMessage());
        }
        Campaign stored = campaigns.add(campaign);
        policies.add(stored.id(), stored.policyVersion(), stored.rewardPolicy(), c.operatorId());
        return stored;
    }
}
