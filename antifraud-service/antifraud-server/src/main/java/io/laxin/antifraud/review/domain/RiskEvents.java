package io.laxin.antifraud.review.domain;

import java.time.Instant;

/**
 * A review case's final verdict, told to the rest of the suite (implemented over the outbox in {@code messaging}).
 * Appends in the caller's transaction.
 */
public interface RiskEvents {

    /** @return the event id */
    String decided(ReviewCase c, boolean pass, String decidedBy, Instant at);
}
