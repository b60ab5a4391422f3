package io.laxin.invite.campaign.web;

import io.laxin.invite.api.dto.RewardPolicyDTO;
import io.laxin.invite.campaign.application.RewardPolicyDtos;
import io.laxin.invite.campaign.domain.Campaign;
import java.time.Instant;

/** A campaign as operators see it: status, windows, and the reward policy in force with its version. */
public record CampaignResponse(
        long id,
        String name,
        String status,
        Instant startsAt,
        Instant endsAt,
        int attributionWindowDays,
        String bindingMode,
        String landingUrl,
        String miniProgramPage,
        String referrers,
        RewardPolicyDTO rewardPolicy,
        int policyVersion,
        boolean legacyDeviceIds) {

    static CampaignResponse of(Campaign c) {
        return new CampaignResponse(
                c.id(),
                c.name(),
                c.status().name(),
                c.startsAt(),
                c.endsAt(),
                c.attributionWindowDays(),
                c.bindingMode().name(),
                c.landing().url(),
                c.landing().miniProgramPage(),
                c.referrers().name(),
                RewardPolicyDtos.toDto(c.rewardPolicy()),
                c.policyVersion(),
                c.legacyDeviceIds());
    }
}
