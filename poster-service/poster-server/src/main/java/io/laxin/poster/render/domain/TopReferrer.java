package io.laxin.poster.render.domain;

/** One place on a campaign's leaderboard: the referrer's user id and how many invitees they brought. */
public record TopReferrer(int rank, String userId, long invitees) {}
