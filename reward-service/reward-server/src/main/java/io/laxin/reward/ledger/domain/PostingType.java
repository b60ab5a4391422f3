package io.laxin.reward.ledger.domain;

/** Why a posting was made. */
public enum PostingType {
    /** A reward was issued (expense ↔ pending). */
    ISSUE,
    /** Its hold ended (pending → available). */
    RELEASE,
    /** A pending reward was voided or reduced (the reverse of part or all of its issue). */
    REVOKE,
    /** A released reward was taken back: a negative adjustment (available ↔ expense). */
    CLAWBACK,
    /** A statement line entered an approved batch (available → settled). */
    SETTLE,
    /** Finance confirmed the payout of a line (settled → payout clearing). */
    PAY
}
