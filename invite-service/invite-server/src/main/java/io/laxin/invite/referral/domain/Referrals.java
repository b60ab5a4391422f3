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

    /** Who referred this user, who referred them, and so on (bound or held referrals only), nearest first. */
    List<String> chainAbove(long campaignId, String userId, int maxDepth);
}
