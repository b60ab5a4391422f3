package io.laxin.invite.api.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * @param channel the channel tag the share link should carry (poster, link, moments, group, private, qr)
 */
public record IssueInviteRequestDTO(
        @NotNull Long campaignId,
        @NotBlank String userId,

        @Pattern(regexp = "poster|link|moments|group|private|qr")
        String channel) {}
