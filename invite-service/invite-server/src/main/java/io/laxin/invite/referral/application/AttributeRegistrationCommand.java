package io.laxin.invite.referral.application;

import java.time.Instant;

/**
 * The host reports that a user registered, with the invite code they came with and/or the device that opened a
 * share link, and what it knows of the user.
 *
 * @param emulator whether the host's app found itself on an emulator (null: not checked)
 * @param rooted   whether it found the device rooted or jailbroken (null: not checked)
 */
public record AttributeRegistrationCommand(
        long campaignId,
        String inviteeUserId,
        String inviteCode,
        String deviceId,
        String phone,
        String openid,
        String unionid,
        String ip,
        String userAgent,
        Instant registeredAt,
        Boolean emulator,
        Boolean rooted) {}
