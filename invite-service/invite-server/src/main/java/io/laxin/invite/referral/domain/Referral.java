package io.laxin.invite.referral.domain;

import java.time.Instant;
import java.util.List;

/**
 * The binding invitee → referrer within a campaign, decided once per (campaign, invitee).
 *
 * @param id      null until stored
 * @param channel the channel of the touch that brought the invitee, or {@code code} without one
 */
public record Referral(
        Long id,
        long campaignId,
        String referrerUserId,
        String inviteeUserId,
        String inviteCode,
        String channel,
        ReferralStatus status,
        List<String> reasons,
        String screeningId,
        int policyVersion,
        String inviteeDeviceId,
        String ip,
        Instant registeredAt,
        Instant decidedAt) {

    public Referral {
        reasons = List.copyOf(reasons);
    }

    public Referral withId(long newId) {
        return new Referral(
                newId,
                campaignId,
                referrerUserId,
                inviteeUserId,
                inviteCode,
                channel,
                status,
                reasons,
                screeningId,
                policyVersion,
                inviteeDeviceId,
                ip,
                registeredAt,
                decidedAt);
    }
}
