package io.laxin.invite.referral.domain;

/**
 * Port: a referral's outcome, told to the rest of the suite (implemented over the outbox in {@code messaging}).
 * Appends in the caller's transaction, so the event goes out exactly when the outcome commits.
 */
public interface ReferralEvents {

    /**
     * The referral as it now stands (ATTRIBUTED, PENDING_REVIEW or REJECTED): facts only (ids, policy version,
     * times); consumers read what decides money from its owner (ADR 0006).
     */
    void published(Referral r);
}
