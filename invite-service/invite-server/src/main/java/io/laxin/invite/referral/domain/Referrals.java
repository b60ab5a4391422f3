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
    boolean transition(long referralId, ReferralStatus from, ReferralStatus to, List<String> reasons,
                       java.time.Instant decidedAt);

    /** A referrer's invitees in a campaign, newest first. */
    List<Referral> ofReferrer(long campaignId, String referrerUserId, int limit);

    /** Every referral in which this user is the invitee (one per campaign at most). */
    List<Referral> ofInvitee(String inviteeUserId);

    /** Registrations by day (UTC) and channel: {day, channel, status, count}. */
    List<DailyCount> dailyCounts(long campaignId, java.time.Instant from, java.time.Instant to);

    record DailyCount(java.time.LocalDate day, String channel, ReferralStatus status, long count) {
    }

    /** Who referred this user, who referred them, and so on (bound or held referrals only), nearest first. */
    List<String> chainAbove(long campaignId, String userId, int maxDepth);
}
