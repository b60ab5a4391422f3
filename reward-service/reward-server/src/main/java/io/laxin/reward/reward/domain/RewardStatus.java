package io.laxin.reward.reward.domain;

/** PENDING during the hold period (冻结期), then AVAILABLE; SETTLED / PAID / REVOKED come with settlement. */
public enum RewardStatus {
    PENDING, AVAILABLE, SETTLED, PAID, REVOKED
}
