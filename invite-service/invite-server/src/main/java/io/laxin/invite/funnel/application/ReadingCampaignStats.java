package io.laxin.invite.funnel.application;

import io.laxin.invite.campaign.application.FindingCampaign;
import io.laxin.invite.funnel.domain.CampaignStats;
import io.laxin.invite.funnel.domain.RewardCounts;
import io.laxin.invite.referral.domain.ReferralStatus;
import io.laxin.invite.referral.domain.Referrals;
import io.laxin.invite.touch.domain.TouchCounts;
import io.laxin.invite.touch.domain.Touches;
import java.util.Map;
import java.util.OptionalLong;
import org.springframework.stereotype.Service;

/** Use case: an operator reads a campaign's counts. */
@Service
public class ReadingCampaignStats {

    private final FindingCampaign campaigns;
    private final Touches touches;
    private final Referrals referrals;
    private final RewardCounts rewards;

    public ReadingCampaignStats(FindingCampaign campaigns, Touches touches, Referrals referrals, RewardCounts rewards) {
        this.campaigns = campaigns;
        this.touches = touches;
        this.referrals = referrals;
        this.rewards = rewards;
    }

    public CampaignStats handle(long campaignId) {
        long id = campaigns.require(campaignId).id();
        Map<ReferralStatus, Long> byStatus = referrals.countByStatus(id);
        long registrations =
                byStatus.values().stream().mapToLong(Long::longValue).sum();
        OptionalLong issued = rewards.issued(id);
        TouchCounts touchCounts = touches.counts(id);
        return new CampaignStats(
                id,
                touchCounts.raw(),
                touchCounts.unique(),
                registrations,
                byStatus.get(ReferralStatus.ATTRIBUTED),
                byStatus.get(ReferralStatus.PENDING_REVIEW),
                byStatus.get(ReferralStatus.REJECTED),
                issued.isPresent() ? issued.getAsLong() : null);
    }
}
