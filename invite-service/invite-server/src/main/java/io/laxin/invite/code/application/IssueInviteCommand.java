package io.laxin.invite.code.application;

import io.laxin.invite.code.domain.Channel;

/** Give a user their invite code and share link for a campaign. */
public record IssueInviteCommand(long campaignId, String userId, Channel channel) {}
