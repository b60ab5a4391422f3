package io.laxin.invite.touch.domain;

import java.util.List;
import java.util.Set;

/**
 * Port: touch counts on their way from the hot path (Redis) to MySQL, in batches. A campaign's live counters are cut
 * into a batch under a fresh token (atomically with touches being counted); a batch is forgotten only once MySQL has
 * it ({@link FlushedTouchCounts}), so one a crashed flush left behind is handed over by the next.
 */
public interface TouchCountBatches {

    /** The campaigns with counts MySQL does not have yet. */
    Set<Long> dirtyCampaigns();

    /** Cuts the campaign's live counters (if any) into a new batch; answers every batch's token still held. */
    Set<String> cut(long campaignId);

    /** A batch's counts, by day and channel. */
    List<TouchCounts.Row> batch(long campaignId, String token);

    /** Drops a batch MySQL has. */
    void forget(long campaignId, String token);

    /** Un-marks the campaign once it has neither live counters nor batches (a touch counted meanwhile keeps it). */
    void clean(long campaignId);
}
