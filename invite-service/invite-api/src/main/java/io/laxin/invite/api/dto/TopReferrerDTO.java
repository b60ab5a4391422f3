package io.laxin.invite.api.dto;

/** One place on a campaign's leaderboard, with the referrer's real user id (internal callers only). */
public record TopReferrerDTO(int rank, String userId, long invitees) {}
