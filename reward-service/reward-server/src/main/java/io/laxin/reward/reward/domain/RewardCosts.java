package io.laxin.reward.reward.domain;

/**
 * What a reward costs the campaign budget, in fen: cash at face value, points at a configured rate (fen per 100
 * points, rounded up), coupons nothing (their face value is the host's).
 */
public record RewardCosts(long fenPerHundredPoints) {

    public RewardCosts {
        if (fenPerHundredPoints < 0) {
            throw new IllegalArgumentException("fenPerHundredPoints must not be negative");
        }
    }

    public long costFen(RewardKind kind, long amount) {
        if (amount <= 0) {
            return 0;
        }
        return switch (kind) {
            case CASH -> amount;
            case POINTS -> -Math.floorDiv(-Math.multiplyExact(amount, fenPerHundredPoints), 100);
            case COUPON -> 0;
        };
    }
}
