package io.laxin.poster.render.domain;

/** A user's invite in a campaign, as invite-service issued it: the code and the share link that carries it. */
public record Invite(long campaignId, String userId, String code, String shareLink) {
}
