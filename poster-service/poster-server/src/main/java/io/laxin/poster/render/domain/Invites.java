package io.laxin.poster.render.domain;

import java.util.List;

/** Port: the invites invite-service issues (one per user and campaign, stable once created) and its leaderboard. */
public interface Invites {

    /** The channel tag a poster's share link carries, so referrals can be counted per channel. */
    String POSTER_CHANNEL = "poster";

    /** The user's invite in the campaign, with a share link tagged with {@code channel}; created on first ask. */
    Invite issue(long campaignId, String userId, String channel);

    /** The campaign's top {@code limit} referrers, best first (fewer when fewer have referred anyone). */
    List<TopReferrer> topReferrers(long campaignId, int limit);
}
