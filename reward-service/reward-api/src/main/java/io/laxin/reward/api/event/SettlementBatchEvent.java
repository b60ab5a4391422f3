package io.laxin.reward.api.event;

import io.laxin.kernel.api.EventMetadata;
import java.time.Instant;

/**
 * A settlement batch moved on (topic {@code laxin.topics.reward}; tag {@link RewardEventTags#SETTLEMENT_APPROVED} or
 * {@link RewardEventTags#SETTLEMENT_PAID}). Key: the event id; shard key: the batch id.
 *
 * @param periodFrom the period's start (inclusive)
 * @param periodTo   the period's end (exclusive)
 * @param state      APPROVED or PAID
 * @param lines      statement lines (payees) in the batch
 * @param totalFen   what the batch pays, in fen
 * @param actor      who approved it, or who confirmed the payout
 */
public record SettlementBatchEvent(
        String eventId,
        String producer,
        Instant occurredAt,
        int schemaVersion,
        long batchId,
        long campaignId,
        Instant periodFrom,
        Instant periodTo,
        String state,
        long lines,
        long totalFen,
        String actor)
        implements EventMetadata {

    public static final int SCHEMA_VERSION = 1;
}
