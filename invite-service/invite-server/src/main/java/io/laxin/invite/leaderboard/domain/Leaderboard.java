package io.laxin.invite.leaderboard.domain;

import java.time.Instant;
import java.util.List;

/**
 * Port: referrers ranked by attributed invitees per campaign; among equal counts, whoever reached the count first
 * ranks higher. The board remembers which referrals it counted, so counting one twice changes nothing, and it can
 * be rebuilt from the attributed referrals when it was lost or went wrong.
 */
public interface Leaderboard {

    /**
     * Counts an attributed referral once. False when the board is missing (never built, or lost): nothing was
     * counted, and the caller rebuilds it from the referrals.
     */
    boolean attributed(long campaignId, Counted referral);

    /** Whether the board is missing (never built, or lost) and must be rebuilt before it can be trusted. */
    boolean missing(long campaignId);

    /**
     * Replaces the board with one built from these referrals: built aside, then swapped in atomically. Referrals the
     * old board counted from {@code since} on that are not among these (attributed while they were read) are kept.
     */
    void replace(long campaignId, List<Counted> referrals, Instant since);

    List<Entry> top(long campaignId, int n);

    /** An attributed referral as the board counts it: once, for its referrer, at the time it was decided. */
    record Counted(long referralId, String referrerUserId, Instant decidedAt) {
    }

    record Entry(int rank, String referrerUserId, long invitees) {
    }
}
