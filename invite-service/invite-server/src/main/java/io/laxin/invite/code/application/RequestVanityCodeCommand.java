package io.laxin.invite.code.application;

/** A user (or an operator on their behalf, {@code requestedBy}) asks for a vanity code. */
public record RequestVanityCodeCommand(long campaignId, String userId, String code, String requestedBy) {}
