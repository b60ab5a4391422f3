package io.laxin.invite.api.dto;

/** A user's invite code in a campaign and the share link that carries it. */
public record InviteDTO(long campaignId, String userId, String code, String shareLink) {
}
