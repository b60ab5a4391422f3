package io.laxin.invite.code.application;

/** A user's code and the share link that carries it. */
public record IssuedInvite(long campaignId, String userId, String code, String shareLink) {
}
