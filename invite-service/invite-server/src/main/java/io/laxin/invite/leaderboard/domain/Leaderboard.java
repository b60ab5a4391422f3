package io.laxin.invite.leaderboard.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: referrers ranked by attributed invitees per campaign; among equal counts, whoever reached the count first
 * ranks higher. The board remembers which referrals it counted, so counting one twice changes nothing, and which
 * counted referrals were rejected later, so those never count again; it can be rebuilt from the attributed
 * referrals when it was lost or went wrong.
 */
public interface Leaderboard {

    /**
     * Counts an attributed referral once. False when the board is missing (never built, or lost): nothing was
     * counted, and the caller rebuilds it from the referrals.
     */
    boolean attributed(long campaignId, Counted referral);

    /**
     * Takes back a referral rejected after it was attributed, once: if the board counted it, its referrer loses one
     * invitee; and it is never counted again (not by a late {@link #attributed}, nor by a rebuild that read it while
     * it was still attributed). False when the board had not counted it (never, or already taken back).
     *
     * @param referrerLatestOther when the referrer's latest other attributed referral was decided (empty: none); the
     *                            referrer reached their lower count then, which decides ties if the rejected one was
     *                            their latest
     */
    boolean rejected(long campaignId, long referralId, Optional<Instant> referrerLatestOther);

    /** Whether the board is missing (never built, or lost) and must be rebuilt before it can be trusted. */
    boolean missing(long campaignId);

    /**
     * Replaces the board with one built from these referrals: built aside, then swapped in atomically. Referrals the
     * old board counted from {@code since} on that are not among these (attributed while they were read) are kept;
     * referrals {@link #rejected} are left out, even when among these (read before their rejection committed).
     */
    void replace(long campaignId, List<Counted> referrals, Instant since);

    List<Entry> top(long campaignId, int n);

    /** An attributed referral as the board counts it: once, for its referrer, at the time it was decided. */
    record Counted(long referralId, String referrerUserId, Instant decidedAt) {}

    record Entry(int rank, String referrerUserId, long invitees) {}
}
