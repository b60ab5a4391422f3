package io.laxin.invite.campaign.application;

import io.laxin.invite.api.InviteErrorCode;
import io.laxin.invite.campaign.domain.Campaign;
import io.laxin.invite.campaign.domain.CampaignPolicies;
import io.laxin.invite.campaign.domain.Campaigns;
import io.laxin.invite.campaign.domain.RewardPolicy;
import io.laxin.kernel.error.LaxinException;
import org.springframework.stereotype.Service;

/** Looks a campaign (or one version of its reward policy) up, or answers 404. */
@Service
public class FindingCampaign {

    private final Campaigns campaigns;
    private final CampaignPolicies policies;

    public FindingCampaign(Campaigns campaigns, CampaignPolicies policies) {
        this.campaigns = campaigns;
        this.policies = policies;
    }

    public Campaign require(long id) {
        return campaigns.find(id).orElseThrow(() -> notFound(id));
    }

    /** The campaign, its row locked until the caller's transaction ends. */
    Campaign lock(long id) {
        return campaigns.lock(id).orElseThrow(() -> notFound(id));
    }

    /**
     * One version of a campaign's reward policy (what a referral decided under it is worth), or 404
     * CAMPAIGN_NOT_FOUND / POLICY_VERSION_NOT_FOUND.
     */
    public RewardPolicy policy(long campaignId, int version) {
        return policies.find(campaignId, version).orElseThrow(() -> {
            require(campaignId);
            return new LaxinException(
                    InviteErrorCode.POLICY_VERSION_NOT_FOUND,
                    "Campaign " + campaignId + " has no reward policy version " + version);
        });
    }

    private static LaxinException notFound(long id) {
        return new LaxinException(InviteErrorCode.CAMPAIGN_NOT_FOUND, "No campaign with id " + id);
    }
}
