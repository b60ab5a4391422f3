package io.laxin.reward.api.event;

import io.laxin.kernel.api.EventMetadata;
import java.time.Instant;

/**
 * The rewards of a settlement batch changed status together (topic {@code laxin.topics.reward}; tag
 * {@link RewardEventTags#BATCH_SETTLED} or {@link RewardEventTags#BATCH_PAID}): one event per move of the whole
 * batch, never one per reward (a batch can hold 100,000 of them). Key: the event id; shard key: {@code batch-<id>},
 * like the batch's own events.
 *
 * @param batchId     the settlement batch whose rewards moved
 * @param status      what they became: SETTLED (the batch was approved) or PAID (its payout was confirmed)
 * @param rewardCount how many rewards moved
 * @param amountFen   what they are worth together, in fen (the batch's total)
 */
public record RewardBatchEvent(
        String eventId,
        String producer,
        Instant occurredAt,
        int schemaVersion,
        long batchId,
        long campaignId,
        String status,
        long rewardCount,
        long amountFen)
        implements EventMetadata {

    public static final int SCHEMA_VERSION = 1;
}
