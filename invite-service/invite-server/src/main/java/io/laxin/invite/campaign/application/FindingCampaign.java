package io.laxin.invite.campaign.application;

import io.laxin.invite.api.InviteErrorCode;
import io.laxin.invite.campaign.domain.Campaign;
import io.laxin.invite.campaign.domain.Campaigns;
import io.laxin.kernel.error.LaxinException;
import org.springframework.stereotype.Service;

/** Looks a campaign up, or answers 404 CAMPAIGN_NOT_FOUND. */
@Service
public class FindingCampaign {

    private final Campaigns campaigns;

    public FindingCampaign(Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    public Campaign require(long id) {
        return campaigns.find(id).orElseThrow(() ->
                new LaxinException(InviteErrorCode.CAMPAIGN_NOT_FOUND, "No campaign with id " + id));
    }
}
