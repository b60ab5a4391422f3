package io.laxin.antifraud.api.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;

/**
 * One registration to screen: who refers whom in which campaign, and what is known of each side.
 * Phones travel only as keyed hashes.
 */
public record ScreeningRequestDTO(
        @NotNull Long campaignId,
        @NotBlank String referrerUserId,
        @NotBlank String inviteeUserId,
        String referrerDeviceId,
        String inviteeDeviceId,
        String referrerPhoneHash,
        String inviteePhoneHash,
        String ip,
        String userAgent,
        Instant touchedAt,
        Instant registeredAt) {
}
