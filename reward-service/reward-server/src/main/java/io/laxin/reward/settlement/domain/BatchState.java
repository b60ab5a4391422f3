package io.laxin.reward.settlement.domain;

/**
 * Where a settlement batch is: COLLECTING (its rewards are being claimed and summed) → DRAFT → SUBMITTED → APPROVED
 * (rewards SETTLED, payout file available) → PAID (finance confirmed the payout); or REJECTED from DRAFT or SUBMITTED
 * (its rewards go back to be collected again); FAILED when collecting broke off (its rewards were released too).
 */
public enum BatchState {
    COLLECTING,
    DRAFT,
    SUBMITTED,
    APPROVED,
    PAID,
    REJECTED,
    FAILED
}
