package io.laxin.invite.api.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The reward policy a campaign promises, one immutable version of it: what reward-service pays a referral decided
 * under that version (it reads the version from invite-service, never from the referral event).
 *
 * @param referrerReward the referrer's reward for each attributed invitee
 * @param inviteeReward  the invitee's welcome reward
 * @param holdDays       the hold period (冻结期) before a reward becomes available
 * @param milestones     bonuses for the referrer's Nth attributed invitee; null or empty for none
 * @param caps           how many invitees earn the referrer a reward per day / month / campaign; null for no caps
 * @param budgetFen      the campaign budget in fen (cash, and points at the configured rate); null for no budget
 * @param cashback       the referrer's share of the invitee's paid orders; null for none
 */
public record RewardPolicyDTO(
        @NotNull @Valid RewardSpecDTO referrerReward,
        @NotNull @Valid RewardSpecDTO inviteeReward,
        @PositiveOrZero @Max(365) int holdDays,
        @Valid @Size(max = 20) List<MilestoneDTO> milestones,
        @Valid CapsDTO caps,
        @PositiveOrZero Long budgetFen,
        @Valid CashbackDTO cashback) {

    /** A policy with the two-sided rewards only: no milestones, caps, budget or cashback. */
    public RewardPolicyDTO(RewardSpecDTO referrerReward, RewardSpecDTO inviteeReward, int holdDays) {
        this(referrerReward, inviteeReward, holdDays, null, null, null, null);
    }

    /** The milestones, never null. */
    public List<MilestoneDTO> milestonesOrNone() {
        return milestones == null ? List.of() : milestones;
    }
}
