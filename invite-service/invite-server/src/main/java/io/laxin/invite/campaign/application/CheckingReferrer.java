package io.laxin.invite.campaign.application;

import io.laxin.invite.api.InviteErrorCode;
import io.laxin.invite.campaign.domain.Campaign;
import io.laxin.invite.campaign.domain.DesignatedReferrers;
import io.laxin.kernel.error.LaxinException;
import org.springframework.stereotype.Service;

/** Whether a user may refer in a campaign: anyone, unless the campaign lets only designated users (else 403). */
@Service
public class CheckingReferrer {

    private final DesignatedReferrers designated;

    public CheckingReferrer(DesignatedReferrers designated) {
        this.designated = designated;
    }

    /** @throws LaxinException 403 REFERRER_NOT_DESIGNATED, with {@code what} said in the detail */
    public void requireMayRefer(Campaign campaign, String userId, String what) {
        if (!campaign.mayRefer(userId, u -> designated.contains(campaign.id(), u))) {
            throw new LaxinException(
                    InviteErrorCode.REFERRER_NOT_DESIGNATED,
                    "Campaign " + campaign.id() + " lets only designated users refer, and " + userId
                            + " is not one of them; " + what);
        }
    }
}
