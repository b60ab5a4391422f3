package io.laxin.invite.referral.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Port: referrals, unique per (campaign, invitee). */
public interface Referrals {

    Optional<Referral> findByInvitee(long campaignId, String inviteeUserId);

    /** Stores the referral; empty when the invitee already has one in this campaign. */
    Optional<Referral> tryAdd(Referral referral);

    Map<ReferralStatus, Long> countByStatus(long campaignId);

    /** Moves a referral from one status to another (only if it still has the first); false when it had not. */
    boolean transition(
            long referralId, ReferralStatus from, ReferralStatus to, List<String> reasons, java.time.Instant decidedAt);

    /**
     * Records the screening that answered for a referral still PENDING_REVIEW, with its reasons; its status does not
     * change here. A referral decided meanwhile is left as it is.
     */
    void recordScreening(long referralId, String screeningId, List<String> reasons);

    /** A referrer's invitees in a campaign, newest first. */
    List<Referral> ofReferrer(long campaignId, String referrerUserId, int limit);

    /** Every referral in which this user is the invitee (one per campaign at most). */
    List<Referral> ofInvitee(String inviteeUserId);

    /** Registrations by registration day (UTC) and channel: {day, channel, status, count, first orders}. */
    List<DailyCount> dailyCounts(long campaignId, java.time.Instant from, java.time.Instant to);

    /** @param firstOrders how many of these invitees have paid a first order (so far) */
    record DailyCount(java.time.LocalDate day, String channel, ReferralStatus status, long count, long firstOrders) {}

    /**
     * Marks the invitee's referrals that have no first order yet with this one, if it was paid at or after their
     * registration; returns how many were marked.
     */
    int markFirstOrder(String inviteeUserId, String orderId, java.time.Instant paidAt);

    /** Every ATTRIBUTED referral of the campaign: who referred, and when it was decided. */
    List<Attributed> attributed(long campaignId);

    record Attributed(long referralId, String referrerUserId, java.time.Instant decidedAt) {}

    /** When the referrer's latest ATTRIBUTED referral in the campaign was decided; empty when they have none. */
    Optional<java.time.Instant> latestAttribution(long campaignId, String referrerUserId);

    /** Who referred this user, who referred them, and so on (bound or held referrals only), nearest first. */
    List<String> chainAbove(long campaignId, String userId, int maxDepth);
}
