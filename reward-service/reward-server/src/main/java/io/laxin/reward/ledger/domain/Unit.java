package io.laxin.reward.ledger.domain;

/** What an amount counts: fen (cash), points, or coupons. Postings balance per unit; units never mix. */
public enum Unit {
    FEN,
    POINTS,
    COUPON
}
