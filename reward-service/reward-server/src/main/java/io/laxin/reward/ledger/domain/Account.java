package io.laxin.reward.ledger.domain;

/**
 * The ledger's accounts. A reward moves through them: issued (expense ↔ pending payable), released (pending →
 * available), settled into an approved batch (available → settled), paid (settled → payout clearing, i.e. money out).
 */
public enum Account {
    /** What the campaign has spent (debit-normal). */
    CAMPAIGN_EXPENSE,
    /** Owed to users, still in the hold period (credit-normal). */
    PAYABLE_PENDING,
    /** Owed to users and released; negative adjustments (clawbacks after release) sit here as debits. */
    PAYABLE_AVAILABLE,
    /** In an approved settlement batch, waiting for finance to confirm the payout. */
    PAYABLE_SETTLED,
    /** Money that left the brand in confirmed payouts. */
    PAYOUT_CLEARING
}
