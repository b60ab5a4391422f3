package io.laxin.reward.reward.domain;

/** Points, cash in fen, or a coupon (a coupon template id; the host grants it on the reward event). */
public enum RewardKind {
    POINTS,
    CASH,
    COUPON
}
