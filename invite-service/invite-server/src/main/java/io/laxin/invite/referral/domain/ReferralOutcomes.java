package io.laxin.invite.referral.domain;

import java.time.Instant;

/**
 * Port: what a referral's outcome tells the features that count it (the leaderboard), called after the outcome
 * commits. Implemented by those features, so referral does not depend on them.
 */
public interface ReferralOutcomes {

    /** A referral was attributed. */
    void attributed(long campaignId, long referralId, String referrerUserId, Instant decidedAt);

    /** A referral attributed before was rejected (once, however often it is called). */
    void rejected(long campaignId, long referralId, String referrerUserId);
}
