package io.laxin.reward.reward.domain;

/** Points, cash in fen, or a coupon (amount = coupon template id; the host grants it). */
public enum RewardKind {
    POINTS, CASH, COUPON
}
