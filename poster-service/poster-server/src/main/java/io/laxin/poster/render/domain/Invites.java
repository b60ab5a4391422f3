package io.laxin.poster.render.domain;

/** Port: the invites invite-service issues (one per user and campaign, stable once created). */
public interface Invites {

    /** The channel tag a poster's share link carries, so referrals can be counted per channel. */
    String POSTER_CHANNEL = "poster";

    /** The user's invite in the campaign, with a share link tagged with {@code channel}; created on first ask. */
    Invite issue(long campaignId, String userId, String channel);
}
