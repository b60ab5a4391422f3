package io.laxin.reward.reward.domain;

import java.time.Instant;

/**
 * One reward to one user.
 *
 * @param businessKey what makes it unique whatever the delivery: e.g. {@code referral:42:REFERRER}
 * @param amount      points, fen, or coupon template id (integers only)
 */
public record Reward(Long id, long campaignId, long referralId, String userId, Beneficiary beneficiary,
                     RewardKind kind, long amount, RewardStatus status, Instant releaseAt, String businessKey,
                     String sourceEventId, int policyVersion, Instant createdAt) {
}
