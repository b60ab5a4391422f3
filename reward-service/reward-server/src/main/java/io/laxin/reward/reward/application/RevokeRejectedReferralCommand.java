package io.laxin.reward.reward.application;

/** A final REJECT verdict on an invitee: revoke (before release) or claw back (after) their referral's rewards. */
public record RevokeRejectedReferralCommand(
        String consumer, String eventId, long campaignId, String inviteeUserId, String reason) {}
