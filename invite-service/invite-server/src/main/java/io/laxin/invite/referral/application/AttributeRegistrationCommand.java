package io.laxin.invite.referral.application;

import java.time.Instant;

/** The host reports that a user registered, with the invite code they came with. */
public record AttributeRegistrationCommand(long campaignId, String inviteeUserId, String inviteCode, String deviceId,
                                           String ip, String userAgent, Instant registeredAt) {
}
