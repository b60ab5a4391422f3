package io.laxin.invite.referral.domain;

import io.laxin.invite.campaign.domain.RewardPolicy;

/**
 * Port: a referral's outcome, told to the rest of the suite (implemented over the outbox in {@code messaging}).
 * Appends in the caller's transaction, so the event goes out exactly when the outcome commits.
 */
public interface ReferralEvents {

    /** The referral as it now stands (ATTRIBUTED, PENDING_REVIEW or REJECTED), with its policy version's rules. */
    void published(Referral r, RewardPolicy policy);
}
