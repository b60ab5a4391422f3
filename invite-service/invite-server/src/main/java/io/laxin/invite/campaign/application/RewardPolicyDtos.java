package io.laxin.invite.campaign.application;

import io.laxin.invite.api.dto.RewardPolicyDTO;
import io.laxin.invite.api.dto.RewardSpecDTO;
import io.laxin.invite.campaign.domain.RewardPolicy;

/** The reward policy between its domain value and its published DTO (requests, responses, events). */
public final class RewardPolicyDtos {

    private RewardPolicyDtos() {
    }

    public static RewardPolicyDTO toDto(RewardPolicy p) {
        return new RewardPolicyDTO(toDto(p.referrerReward()), toDto(p.inviteeReward()), p.holdDays());
    }

    /** @throws IllegalArgumentException when the DTO does not make a valid policy */
    public static RewardPolicy fromDto(RewardPolicyDTO p) {
        return new RewardPolicy(fromDto(p.referrerReward()), fromDto(p.inviteeReward()), p.holdDays());
    }

    private static RewardSpecDTO toDto(RewardPolicy.Reward r) {
        return new RewardSpecDTO(RewardSpecDTO.RewardKind.valueOf(r.kind().name()), r.amount());
    }

    private static RewardPolicy.Reward fromDto(RewardSpecDTO r) {
        return new RewardPolicy.Reward(RewardPolicy.Kind.valueOf(r.kind().name()), r.amount());
    }
}
