package io.laxin.invite.campaign.domain;

/**
 * What a campaign promises each side of a referral, and the hold period (冻结期) before rewards become available.
 * A value: a change makes a new version.
 */
public record RewardPolicy(Reward referrerReward, Reward inviteeReward, int holdDays) {

    public enum Kind { POINTS, CASH, COUPON }

    /** Points, cash in fen, or a coupon template id. */
    public record Reward(Kind kind, long amount) {
        public Reward {
            if (kind == null || amount < 0) {
                throw new IllegalArgumentException("A reward needs a kind and a non-negative amount");
            }
        }
    }

    public RewardPolicy {
        if (referrerReward == null || inviteeReward == null) {
            throw new IllegalArgumentException("Both sides' rewards are required");
        }
        if (holdDays < 0 || holdDays > 365) {
            throw new IllegalArgumentException("holdDays must be within 0..365");
        }
    }
}
