package io.laxin.invite.campaign.web;

import io.laxin.invite.api.dto.RewardPolicyDTO;
import io.laxin.invite.campaign.application.RewardPolicyDtos;
import io.laxin.invite.campaign.domain.CampaignPolicies;
import java.time.Instant;

/** One version of a campaign's reward policy, who wrote it and when. */
public record PolicyVersionResponse(int version, RewardPolicyDTO policy, Instant createdAt, String createdBy) {

    static PolicyVersionResponse of(CampaignPolicies.Version v) {
        return new PolicyVersionResponse(v.version(), RewardPolicyDtos.toDto(v.policy()), v.createdAt(), v.createdBy());
    }
}
