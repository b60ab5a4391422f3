package io.laxin.antifraud.screening.domain;

import java.time.Instant;

/** What is known about one registration when it is screened. Phones are keyed hashes. */
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
        Instant registeredAt) {
}
