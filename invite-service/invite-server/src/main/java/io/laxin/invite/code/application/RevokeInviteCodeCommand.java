package io.laxin.invite.code.application;

/** An operator withdraws a code, saying why. */
public record RevokeInviteCodeCommand(long campaignId, String code, String reason, String operatorId) {}
