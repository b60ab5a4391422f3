package io.laxin.invite.referral.domain;

import java.util.Map;
import java.util.Optional;

/** Port: referrals, unique per (campaign, invitee). */
public interface Referrals {

    Optional<Referral> findByInvitee(long campaignId, String inviteeUserId);

    /** Stores the referral; empty when the invitee already has one in this campaign. */
    Optional<Referral> tryAdd(Referral referral);

    Map<ReferralStatus, Long> countByStatus(long campaignId);
}
