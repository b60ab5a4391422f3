package io.laxin.reward.api.event;

import io.laxin.kernel.api.EventMetadata;
import java.time.Instant;

/**
 * One user's rewards in a settlement batch were paid out: one event per statement line when finance confirms the
 * batch's payout (topic {@code laxin.topics.reward}; tag {@link RewardEventTags#PAID}). Key: the event id; shard key:
 * the user id.
 *
 * @param amountFen        what the user was paid, in fen (the net of the line's rewards)
 * @param rewardCount      how many rewards the line holds
 * @param payoutReference  the payout file's reference for the line ({@code LX-<batchId>-<lineId>})
 */
public record RewardsPaidEvent(
        String eventId,
        String producer,
        Instant occurredAt,
        int schemaVersion,
        long batchId,
        long lineId,
        long campaignId,
        String userId,
        long amountFen,
        long rewardCount,
        String payoutReference)
        implements EventMetadata {

    public static final int SCHEMA_VERSION = 1;
}
