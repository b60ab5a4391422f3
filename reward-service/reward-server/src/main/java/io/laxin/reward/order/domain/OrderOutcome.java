package io.laxin.reward.order.domain;

/** Whether a paid order earned cashback, and if not, why not (kept with every order, for finance). */
public enum OrderOutcome {
    /** The buyer's attribution's cashback applies (the rewards may still be refused by the budget). */
    QUALIFIED,
    /** The buyer was never attributed to a referrer. */
    NOT_INVITEE,
    /** The buyer's attributions were all revoked (e.g. fraud). */
    ATTRIBUTION_REVOKED,
    /** The attribution's policy has no cashback. */
    NO_CASHBACK_POLICY,
    /** Paid before the attribution, or after its cashback window closed. */
    OUTSIDE_WINDOW,
    /** The buyer's first K qualifying orders were counted already. */
    BEYOND_FIRST_K
}
