package io.laxin.invite.campaign.web;

import io.laxin.invite.api.dto.CashbackDTO;
import io.laxin.invite.api.dto.MilestoneDTO;
import io.laxin.invite.api.dto.RewardPolicyDTO;
import io.laxin.invite.api.dto.RewardSpecDTO;
import io.laxin.invite.campaign.application.RewardPolicyDtos;
import io.laxin.invite.campaign.domain.Campaign;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * A campaign's rules as its users may read them (the H5 page's rules tab, a landing page): the window, what each
 * side gets, milestones, cashback, the hold period. Nothing operators keep to themselves (budget, caps, who may
 * refer, the policy version).
 *
 * @param holdDays the hold period (冻结期) before a reward can be used or paid out
 */
public record PublicCampaignResponse(
        long id,
        String name,
        String status,
        Instant startsAt,
        Instant endsAt,
        int attributionWindowDays,
        int holdDays,
        RewardSpecDTO referrerReward,
        RewardSpecDTO inviteeReward,
        List<MilestoneDTO> milestones,
        @Schema(nullable = true) CashbackDTO cashback) {

    static PublicCampaignResponse of(Campaign c) {
        RewardPolicyDTO p = RewardPolicyDtos.toDto(c.rewardPolicy());
        return new PublicCampaignResponse(
                c.id(),
                c.name(),
                c.status().name(),
                c.startsAt(),
                c.endsAt(),
                c.attributionWindowDays(),
                p.holdDays(),
                p.referrerReward(),
                p.inviteeReward(),
                p.milestonesOrNone(),
                p.cashback());
    }
}
