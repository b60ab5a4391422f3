package io.laxin.antifraud.screening.domain;

import java.time.Instant;

/**
 * What is known about one registration when it is screened. Phones are keyed hashes; {@code inviteePhonePrefix} is
 * at most the first three digits (the carrier range), never the number.
 *
 * @param contestedByUserId the owner of the code the host reported when invite-service bound the invitee to another
 *                          referrer's touch (ADR 0005), else null
 */
public record RegistrationFacts(
        long campaignId,
        String referrerUserId,
        String inviteeUserId,
        String referrerDeviceId,
        String inviteeDeviceId,
        String referrerPhoneHash,
        String inviteePhoneHash,
        String ip,
        String userAgent,
        Instant touchedAt,
        Instant registeredAt,
        String referrerOpenid,
        String referrerUnionid,
        String inviteeOpenid,
        String inviteeUnionid,
        String inviteePhonePrefix,
        boolean emulator,
        boolean rooted,
        Instant inviteeOpenidFirstSeenAt,
        String contestedByUserId) {

    /** The /24 (IPv4) the invitee registered from, or null when the IP is missing or not IPv4. */
    public String subnet24() {
        return Ipv4.subnet24(ip);
    }

    static boolean known(String s) {
        return s != null && !s.isBlank();
    }
}
