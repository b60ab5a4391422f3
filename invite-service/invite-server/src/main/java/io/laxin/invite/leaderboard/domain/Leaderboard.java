package io.laxin.invite.leaderboard.domain;

import java.time.Instant;
import java.util.List;

/**
 * Port: referrers ranked by attributed invitees per campaign; among equal counts, whoever reached the count first
 * ranks higher.
 */
public interface Leaderboard {

    void attributed(long campaignId, String referrerUserId, Instant at);

    List<Entry> top(long campaignId, int n);

    record Entry(int rank, String referrerUserId, long invitees) {
    }
}
