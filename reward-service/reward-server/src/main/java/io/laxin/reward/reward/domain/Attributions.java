package io.laxin.reward.reward.domain;

import java.util.List;
import java.util.Optional;

/** Port: the attributions reward-service has seen. */
public interface Attributions {

    /**
     * Locks the invitee's guard until the transaction ends. Every transaction that records or revokes an attribution
     * of the invitee, or records an order the invitee paid, takes it before it reads either, so each sees what the
     * others committed: an order recorded while its buyer's attribution is being recorded is either screened against
     * it or re-screened by it, never missed by both.
     */
    void guardInvitee(String inviteeUserId);

    /** Stores it; false when this referral is already known. */
    boolean add(Attribution attribution);

    /** An invitee's attributions in a campaign (normally one). */
    List<Attribution> ofInvitee(long campaignId, String inviteeUserId);

    /** The invitee's most recent active attribution in any campaign, for orders. */
    Optional<Attribution> latestActiveOfInvitee(String inviteeUserId);

    /** Whether any attribution of the invitee, in any campaign, was revoked (tells finance why an order earned nothing). */
    boolean anyRevokedOfInvitee(String inviteeUserId);

    void markRevoked(long referralId, String reason);

    /**
     * Counts the referrer's attribution in a campaign under a row lock held until the transaction ends, and returns
     * the new count: this invitee is the referrer's Nth.
     */
    int countNextForReferrer(long campaignId, String referrerUserId);

    /**
     * How many of the referrer's attributions in the campaign stand (not revoked as fraud), this one included: the
     * place milestones are counted by. Read under the lock {@link #countNextForReferrer} takes.
     */
    int countStandingOfReferrer(long campaignId, String referrerUserId);
}
