package io.laxin.invite.campaign.application;

import io.laxin.invite.api.dto.CapsDTO;
import io.laxin.invite.api.dto.CashbackDTO;
import io.laxin.invite.api.dto.MilestoneDTO;
import io.laxin.invite.api.dto.RewardPolicyDTO;
import io.laxin.invite.api.dto.RewardSpecDTO;
import io.laxin.invite.campaign.domain.RewardPolicy;
import io.laxin.kernel.api.CommonErrorCode;
import io.laxin.kernel.error.LaxinException;

/**
 * The reward policy between its domain value and its published DTO (requests, responses, events, the stored JSON),
 * every optional part included.
 */
public final class RewardPolicyDtos {

    private RewardPolicyDtos() {}

    public static RewardPolicyDTO toDto(RewardPolicy p) {
        return new RewardPolicyDTO(
                toDto(p.referrerReward()),
                toDto(p.inviteeReward()),
                p.holdDays(),
                p.milestones().isEmpty()
                        ? null
                        : p.milestones().stream()
                                .map(m -> new MilestoneDTO(m.nth(), toDto(m.reward())))
                                .toList(),
                p.caps() == null
                        ? null
                        : new CapsDTO(
                                p.caps().perDay(), p.caps().perMonth(), p.caps().perCampaign()),
                p.budgetFen(),
                p.cashback() == null
                        ? null
                        : new CashbackDTO(
                                p.cashback().shareBasisPoints(),
                                p.cashback().windowDays(),
                                p.cashback().firstOrders(),
                                toDto(p.cashback().firstOrderReferrerBonus()),
                                toDto(p.cashback().firstOrderInviteeBonus())));
    }

    /** @throws IllegalArgumentException when the DTO does not make a valid policy */
    public static RewardPolicy fromDto(RewardPolicyDTO p) {
        CapsDTO caps = p.caps();
        CashbackDTO cb = p.cashback();
        return new RewardPolicy(
                fromDto(p.referrerReward()),
                fromDto(p.inviteeReward()),
                p.holdDays(),
                p.milestonesOrNone().stream()
                        .map(m -> new RewardPolicy.Milestone(m.nth(), fromDto(m.reward())))
                        .toList(),
                caps == null ? null : new RewardPolicy.Caps(caps.perDay(), caps.perMonth(), caps.perCampaign()),
                p.budgetFen(),
                cb == null
                        ? null
                        : new RewardPolicy.Cashback(
                                cb.shareBasisPoints(),
                                cb.windowDays(),
                                cb.firstOrders(),
                                fromDto(cb.firstOrderReferrerBonus()),
                                fromDto(cb.firstOrderInviteeBonus())));
    }

    /** A policy from a request: an invalid one answers 400 VALIDATION_FAILED with what is wrong. */
    public static RewardPolicy fromRequest(RewardPolicyDTO p) {
        try {
            return fromDto(p);
        } catch (IllegalArgumentException e) {
            throw new LaxinException(CommonErrorCode.VALIDATION_FAILED, "rewardPolicy: " + e.getMessage());
        }
    }

    private static RewardSpecDTO toDto(RewardPolicy.Reward r) {
        return r == null
                ? null
                : new RewardSpecDTO(RewardSpecDTO.RewardKind.valueOf(r.kind().name()), r.amount());
    }

    private static RewardPolicy.Reward fromDto(RewardSpecDTO r) {
        if (r == null) {
            return null;
        }
        if (r.kind() == null) {
            throw new IllegalArgumentException("A reward needs a kind: POINTS, CASH or COUPON");
        }
        return new RewardPolicy.Reward(RewardPolicy.Kind.valueOf(r.kind().name()), r.amount());
    }
}
