package io.laxin.invite.campaign.application;

import io.laxin.invite.api.InviteErrorCode;
import io.laxin.invite.campaign.domain.Campaign;
import io.laxin.invite.campaign.domain.CampaignStatus;
import io.laxin.invite.campaign.domain.Campaigns;
import io.laxin.kernel.error.LaxinException;
import io.laxin.kernel.idempotency.IdempotentRequests;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case: an operator moves a campaign along its lifecycle (see {@link CampaignStatus}). A move the lifecycle does
 * not allow — including to the status it already has — answers 409 CAMPAIGN_TRANSITION_REFUSED and changes nothing;
 * so does activating a campaign whose end has passed.
 */
@Service
public class ChangingCampaignStatus {

    private static final Logger log = LoggerFactory.getLogger(ChangingCampaignStatus.class);

    private final Campaigns campaigns;
    private final FindingCampaign finding;
    private final Clock clock;
    private final IdempotentRequests idempotency;

    public ChangingCampaignStatus(
            Campaigns campaigns, FindingCampaign finding, Clock clock, IdempotentRequests idempotency) {
        this.campaigns = campaigns;
        this.finding = finding;
        this.clock = clock;
        this.idempotency = idempotency;
    }

    /** {@link #handle(ChangeCampaignStatusCommand)} once per Idempotency-Key, recorded in its transaction. */
    @Transactional
    public <A> A handle(ChangeCampaignStatusCommand c, IdempotentRequests.Answer<Campaign, A> answer) {
        return idempotency.once(answer, () -> handle(c));
    }

    @Transactional
    public Campaign handle(ChangeCampaignStatusCommand c) {
        Campaign campaign = finding.lock(c.campaignId());
        if (!campaign.status().canMoveTo(c.target())) {
            throw new LaxinException(
                    InviteErrorCode.CAMPAIGN_TRANSITION_REFUSED,
                    "Campaign " + campaign.id() + " is " + campaign.status() + "; it cannot become " + c.target());
        }
        if (c.target() == CampaignStatus.ACTIVE && !campaign.endsAt().isAfter(clock.instant())) {
            throw new LaxinException(
                    InviteErrorCode.CAMPAIGN_TRANSITION_REFUSED,
                    "Campaign " + campaign.id() + " ended at " + campaign.endsAt()
                            + "; move endsAt later before activating it");
        }
        Campaign moved = campaign.movedTo(c.target());
        campaigns.update(moved);
        log.info("Campaign {}: {} -> {} by {}", campaign.id(), campaign.status(), c.target(), c.operatorId());
        return moved;
    }
}
