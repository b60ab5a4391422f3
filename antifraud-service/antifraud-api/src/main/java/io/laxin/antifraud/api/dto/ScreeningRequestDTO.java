package io.laxin.antifraud.api.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * One registration to screen: who refers whom in which campaign, and what is known of each side.
 * Phones travel only as keyed hashes; {@code inviteePhonePrefix} (the first three digits, never more) lets the
 * virtual-carrier rule see the number range without the number. Every field after {@code registeredAt} is optional
 * and was added later; the first eleven keep their meaning (and their constructor, for existing callers).
 *
 * @param touchedAt                 when the invitee opened the share link (too-fast rule), if known
 * @param registeredAt              when the host registered the invitee (defaults to the screening time)
 * @param inviteePhonePrefix        first three digits of the invitee's phone (virtual-carrier rule), optional
 * @param inviteeOpenidFirstSeenAt  when the host first saw the invitee's openid (fresh-openid rule), optional
 * @param contestedByUserId         set by invite-service when it bound the invitee to the referrer's touch although
 *                                  the host reported the code of this other user (ADR 0005): screening then holds the
 *                                  registration for review (CONTESTED_ATTRIBUTION), naming them in the evidence
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
        Instant registeredAt,
        String referrerOpenid,
        String referrerUnionid,
        String inviteeOpenid,
        String inviteeUnionid,

        @Pattern(regexp = "\\d{3}", message = "must be the first three digits of the phone number")
        String inviteePhonePrefix,

        Boolean emulator,
        Boolean rooted,
        Instant inviteeOpenidFirstSeenAt,
        @Size(max = 128) String contestedByUserId) {

    /** The original eleven-field request (callers built before the WeChat and client fields existed). */
    public ScreeningRequestDTO(
            Long campaignId,
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
        this(
                campaignId,
                referrerUserId,
                inviteeUserId,
                referrerDeviceId,
                inviteeDeviceId,
                referrerPhoneHash,
                inviteePhoneHash,
                ip,
                userAgent,
                touchedAt,
                registeredAt,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }
}
