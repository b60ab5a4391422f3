package io.laxin.reward.reward.web;

import io.laxin.reward.reward.domain.Reward;

import java.time.Instant;

/** One of my rewards. {@code amount} is points, fen (CASH) or a coupon template id (COUPON). */
public record RewardResponse(long id, long campaignId, String role, String kind, long amount, String status,
                             Instant releaseAt, Instant createdAt) {

    static RewardResponse of(Reward r) {
        return new RewardResponse(r.id(), r.campaignId(), r.beneficiary().name(), r.kind().name(), r.amount(),
                r.status().name(), r.releaseAt(), r.createdAt());
    }
}
