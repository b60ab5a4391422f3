package io.laxin.reward.report.domain;

import io.laxin.reward.reward.domain.RewardKind;

/** One tally per reward kind: points, cash in fen, coupons. Units never mix, so there is no grand total. */
public record ByKind(Tally points, Tally cash, Tally coupon) {

    public static final ByKind NONE = new ByKind(Tally.NONE, Tally.NONE, Tally.NONE);

    /** This with {@code t} added to the tally of {@code kind}. */
    public ByKind plus(RewardKind kind, Tally t) {
        return switch (kind) {
            case POINTS -> new ByKind(points.plus(t), cash, coupon);
            case CASH -> new ByKind(points, cash.plus(t), coupon);
            case COUPON -> new ByKind(points, cash, coupon.plus(t));
        };
    }

    public ByKind plus(ByKind other) {
        return new ByKind(points.plus(other.points), cash.plus(other.cash), coupon.plus(other.coupon));
    }

    public long count() {
        return points.count() + cash.count() + coupon.count();
    }
}
