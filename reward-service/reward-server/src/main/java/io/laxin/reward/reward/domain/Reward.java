package io.laxin.reward.reward.domain;

import io.laxin.reward.ledger.domain.Unit;
import java.time.Instant;

/**
 * One reward to one user.
 *
 * @param source            why it was earned: referral, milestone, cashback, first-order bonus, or a negative
 *                          adjustment that takes back part of a released reward
 * @param amount            what it is worth now: points, fen, or a number of coupons (1); negative for an adjustment;
 *                          reduced by partial refunds while pending
 * @param couponTemplateId  the coupon the host grants, for COUPON rewards
 * @param issuedAmount      what it was worth when issued
 * @param costFen           what it charged to the campaign budget
 * @param statusReason      why it was refused or revoked (e.g. {@code BUDGET_EXHAUSTED}, {@code FRAUD_REJECTED})
 * @param businessKey       what makes it unique whatever the delivery: e.g. {@code referral:42:REFERRER}
 * @param orderId           the order it comes from (cashback, first-order bonus)
 * @param adjustsRewardId   for an adjustment, the reward it takes back from
 * @param settlementBatchId the settlement batch it was collected into
 * @param version           optimistic-locking version of the row
 */
public record Reward(
        Long id,
        long campaignId,
        long referralId,
        String userId,
        Beneficiary beneficiary,
        RewardSource source,
        RewardKind kind,
        long amount,
        Long couponTemplateId,
        long issuedAmount,
        long costFen,
        RewardStatus status,
        String statusReason,
        Instant releaseAt,
        String businessKey,
        String sourceEventId,
        int policyVersion,
        String orderId,
        Long adjustsRewardId,
        Long settlementBatchId,
        Instant createdAt,
        int version) {

    /** A new PENDING reward, releasable at {@code releaseAt}. */
    public static Reward pending(
            long campaignId,
            long referralId,
            String userId,
            Beneficiary beneficiary,
            RewardSource source,
            RewardPolicy.Spec spec,
            Instant releaseAt,
            String businessKey,
            String sourceEventId,
            int policyVersion,
            String orderId,
            Instant now) {
        long amount = spec.kind() == RewardKind.COUPON ? 1 : spec.amount();
        Long coupon = spec.kind() == RewardKind.COUPON ? spec.amount() : null;
        return new Reward(
                null,
                campaignId,
                referralId,
                userId,
                beneficiary,
                source,
                spec.kind(),
                amount,
                coupon,
                amount,
                0,
                RewardStatus.PENDING,
                null,
                releaseAt,
                businessKey,
                sourceEventId,
                policyVersion,
                orderId,
                null,
                null,
                now,
                0);
    }

    /** A negative adjustment taking {@code amount} back from this (released) reward, available at once. */
    public Reward adjustment(long amount, String reason, String businessKey, String eventId, Instant now) {
        return new Reward(
                null,
                campaignId,
                referralId,
                userId,
                beneficiary,
                RewardSource.ADJUSTMENT,
                kind,
                -amount,
                couponTemplateId,
                -amount,
                0,
                RewardStatus.AVAILABLE,
                reason,
                now,
                businessKey,
                eventId,
                policyVersion,
                orderId,
                id,
                null,
                now,
                0);
    }

    public Reward refused(String reason) {
        return new Reward(
                id,
                campaignId,
                referralId,
                userId,
                beneficiary,
                source,
                kind,
                amount,
                couponTemplateId,
                issuedAmount,
                0,
                RewardStatus.REFUSED,
                reason,
                releaseAt,
                businessKey,
                sourceEventId,
                policyVersion,
                orderId,
                adjustsRewardId,
                settlementBatchId,
                createdAt,
                version);
    }

    public Reward withCost(long cost) {
        return new Reward(
                id,
                campaignId,
                referralId,
                userId,
                beneficiary,
                source,
                kind,
                amount,
                couponTemplateId,
                issuedAmount,
                cost,
                status,
                statusReason,
                releaseAt,
                businessKey,
                sourceEventId,
                policyVersion,
                orderId,
                adjustsRewardId,
                settlementBatchId,
                createdAt,
                version);
    }

    public Reward withId(long newId) {
        return new Reward(
                newId,
                campaignId,
                referralId,
                userId,
                beneficiary,
                source,
                kind,
                amount,
                couponTemplateId,
                issuedAmount,
                costFen,
                status,
                statusReason,
                releaseAt,
                businessKey,
                sourceEventId,
                policyVersion,
                orderId,
                adjustsRewardId,
                settlementBatchId,
                createdAt,
                version);
    }

    /** The ledger unit its amount counts in. */
    public Unit unit() {
        return switch (kind) {
            case CASH -> Unit.FEN;
            case POINTS -> Unit.POINTS;
            case COUPON -> Unit.COUPON;
        };
    }

    public boolean isReferrerEarning() {
        return beneficiary == Beneficiary.REFERRER
                && (source == RewardSource.REFERRAL || source == RewardSource.MILESTONE);
    }
}
