package io.laxin.reward.reward.domain;

import java.util.List;

/**
 * The reward policy version a referral was decided under (carried in the referral event, kept with the attribution).
 *
 * @param budgetFen null for no budget
 * @param caps      null for no caps
 * @param cashback  null for no cashback
 */
public record RewardPolicy(
        Spec referrer,
        Spec invitee,
        int holdDays,
        List<Milestone> milestones,
        Caps caps,
        Long budgetFen,
        Cashback cashback) {

    public RewardPolicy {
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
    }

    /** One reward: kind and amount (points, fen, or the coupon template id). */
    public record Spec(RewardKind kind, long amount) {}

    public record Milestone(int nth, Spec reward) {}

    /** Referrer rewards (referral and milestones) per UTC day / month / campaign; null for no cap. */
    public record Caps(Integer perDay, Integer perMonth, Integer perCampaign) {}

    public record Cashback(
            int shareBasisPoints,
            Integer windowDays,
            Integer firstOrders,
            Spec firstOrderReferrerBonus,
            Spec firstOrderInviteeBonus) {}
}
