package io.laxin.invite.campaign.application;

import io.laxin.invite.api.InviteErrorCode;
import io.laxin.invite.campaign.domain.Campaign;
import io.laxin.invite.campaign.domain.Campaigns;
import io.laxin.kernel.error.LaxinException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use case: an operator creates a campaign. */
@Service
public class CreatingCampaign {

    private final Campaigns campaigns;

    public CreatingCampaign(Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    @Transactional
    public Campaign handle(CreateCampaignCommand c) {
        Campaign campaign;
        try {
            campaign = Campaign.launch(c.name(), c.startsAt(), c.endsAt(), c.attributionWindowDays(), c.bindingMode(), c.landingUrl(),
                    c.rewardPolicy(), c.operatorId());
        } catch (IllegalArgumentException e) {
            throw new LaxinException(InviteErrorCode.CAMPAIGN_INVALID, e.getMessage());
        }
        return campaigns.add(campaign);
    }
}
