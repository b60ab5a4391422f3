package io.laxin.reward.reward.domain;

/**
 * PENDING (hold period, 冻结期) → AVAILABLE → SETTLED (in an approved batch) → PAID (finance confirmed the payout);
 * or REVOKED with a reason (fraud, refund, campaign cancellation); or REFUSED when it was never granted (budget or a
 * cap exhausted, invitee already rejected). REFUSED rewards have no postings.
 */
public enum RewardStatus {
    PENDING,
    AVAILABLE,
    SETTLED,
    PAID,
    REVOKED,
    REFUSED
}
