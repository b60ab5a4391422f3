package io.laxin.reward.report.domain;

/** One referrer in a top list: invitees whose referral reward they kept, and the cash (fen) they earned. */
public record ReferrerLine(String userId, long rewardedInvitees, long cashFen) {}
