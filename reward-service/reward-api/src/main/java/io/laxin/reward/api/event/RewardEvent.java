package io.laxin.reward.api.event;

import io.laxin.kernel.api.EventMetadata;
import java.time.Instant;

/**
 * A reward changed (topic {@code laxin.topics.reward}; tag from {@link RewardEventTags}). The host grants points and
 * coupons when it sees {@code REWARD_RELEASED}, and takes them back on {@code REWARD_REVOKED} /
 * {@code REWARD_ADJUSTED}. Key: the event id; shard key: the user id.
 *
 * @param source           REFERRAL, MILESTONE, CASHBACK, FIRST_ORDER or ADJUSTMENT
 * @param kind             POINTS, CASH or COUPON
 * @param amount           points, fen, or number of coupons; negative for an adjustment
 * @param couponTemplateId the coupon to grant (COUPON only)
 * @param status           the status after the change
 * @param reason           why it was revoked or adjusted; null otherwise
 */
public record RewardEvent(
        String eventId,
        String producer,
        Instant occurredAt,
        int schemaVersion,
        long rewardId,
        long campaignId,
        long referralId,
        String userId,
        String beneficiary,
        String source,
        String kind,
        long amount,
        Long couponTemplateId,
        String status,
        String reason)
        implements EventMetadata {

    public static final int SCHEMA_VERSION = 1;
}
