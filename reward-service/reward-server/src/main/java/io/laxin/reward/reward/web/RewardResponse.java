package io.laxin.reward.reward.web;

import io.laxin.reward.reward.domain.Reward;
import java.time.Instant;

/**
 * One of my rewards. {@code amount} is points, fen (CASH) or a number of coupons (COUPON, with its
 * {@code couponTemplateId}); negative for an adjustment that takes back part of a released reward.
 */
public record RewardResponse(
        long id,
        long campaignId,
        String role,
        String source,
        String kind,
        long amount,
        Long couponTemplateId,
        String status,
        String statusReason,
        Instant releaseAt,
        Instant createdAt) {

    static RewardResponse of(Reward r) {
        return new RewardResponse(
                r.id(),
                r.campaignId(),
                r.beneficiary().name(),
                r.source().name(),
                r.kind().name(),
                r.amount(),
                r.worth().couponTemplateId(),
                r.status().name(),
                r.standing().statusReason(),
                r.standing().releaseAt(),
                r.createdAt());
    }
}
