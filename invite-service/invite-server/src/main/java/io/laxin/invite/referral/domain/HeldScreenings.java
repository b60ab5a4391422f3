package io.laxin.invite.referral.domain;

import java.time.Instant;
import java.util.List;

/**
 * Port: the screenings still owed to referrals held PENDING_REVIEW because antifraud-service did not answer. Each
 * keeps the request as it was made, and is tried again until it is answered.
 */
public interface HeldScreenings {

    /** Keeps the request of a referral just stored unscreened, in the caller's transaction; first try at {@code at}. */
    void hold(long referralId, RiskScreening.Request request, Instant at);

    /** Up to {@code limit} held screenings due at {@code now}, the longest waiting first. */
    List<Held> due(Instant now, int limit);

    /**
     * Takes one for a try: moves its next attempt to {@code leaseUntil} (so another replica, or this one after a
     * crash, tries again only then) and counts the attempt. False when someone else took it first.
     */
    boolean claim(long referralId, Instant dueAt, Instant leaseUntil);

    /** The try found screening still unavailable: try again at {@code next}. */
    void later(long referralId, Instant next, String error);

    /** Screening answered: nothing more is owed (in the caller's transaction). */
    void answered(long referralId);

    /** @param attempts tries so far */
    record Held(long referralId, RiskScreening.Request request, int attempts, Instant nextAttemptAt) {}
}
