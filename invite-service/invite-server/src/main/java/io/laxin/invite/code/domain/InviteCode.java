package io.laxin.invite.code.domain;

/** A user's code in one campaign. */
public record InviteCode(long campaignId, String userId, String code) {
}
