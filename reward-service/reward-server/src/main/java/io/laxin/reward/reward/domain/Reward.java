package io.laxin.reward.reward.domain;

import io.laxin.reward.ledger.domain.Unit;
import java.time.Instant;

/**
 * One reward to one user ({@code beneficiary} of referral {@code referralId} in {@code campaignId}): what it is worth,
 * where it comes from, and where it stands. The accessors most callers need ({@link #kind}, {@link #amount},
 * {@link #status}, ...) read through the parts.
 *
 * @param id        null until stored
 * @param createdAt when it was issued
 */
public record Reward(
        Long id,
        long campaignId,
        long referralId,
        String userId,
        Beneficiary beneficiary,
        Worth worth,
        Origin origin,
        Standing standing,
        Instant createdAt) {

    /**
     * What a reward is worth.
     *
     * @param amount           what it is worth now: points, fen, or a number of coupons (1); negative for an
     *                         adjustment; reduced by partial refunds while pending
     * @param couponTemplateId the coupon the host grants, for COUPON rewards
     * @param issuedAmount     what it was worth when issued
     * @param costFen          what it charged to the campaign budget
     */
    public record Worth(RewardKind kind, long amount, Long couponTemplateId, long issuedAmount, long costFen) {

        /** What a policy's spec grants: a coupon counts as one, its template kept aside. */
        static Worth of(RewardPolicy.Spec spec) {
            boolean coupon = spec.kind() == RewardKind.COUPON;
            long amount = coupon ? 1 : spec.amount();
            return new Worth(spec.kind(), amount, coupon ? spec.amount() : null, amount, 0);
        }

        Worth withCost(long cost) {
            return new Worth(kind, amount, couponTemplateId, issuedAmount, cost);
        }
    }

    /**
     * Where a reward comes from.
     *
     * @param source          why it was earned: referral, milestone, cashback, first-order bonus, or a negative
     *                        adjustment that takes back part of a released reward
     * @param businessKey     what makes it unique whatever the delivery: e.g. {@code referral:42:REFERRER}
     * @param sourceEventId   the event (or request) that caused it
     * @param policyVersion   the campaign's reward-policy version it was granted under
     * @param orderId         the order it comes from (cashback, first-order bonus)
     * @param adjustsRewardId for an adjustment, the reward it takes back from
     */
    public record Origin(
            RewardSource source,
            String businessKey,
            String sourceEventId,
            int policyVersion,
            String orderId,
            Long adjustsRewardId) {

        /** The origin of an earned reward (not an adjustment); {@code orderId} null unless an order earned it. */
        public static Origin of(
                RewardSource source, String businessKey, String sourceEventId, int policyVersion, String orderId) {
            return new Origin(source, businessKey, sourceEventId, policyVersion, orderId, null);
        }
    }

    /**
     * Where a reward stands.
     *
     * @param statusReason      why it was refused or revoked (e.g. {@code BUDGET_EXHAUSTED}, {@code FRAUD_REJECTED})
     * @param releaseAt         when its hold ends
     * @param settlementBatchId the settlement batch it was collected into
     * @param version           optimistic-locking version of the row
     */
    public record Standing(
            RewardStatus status, String statusReason, Instant releaseAt, Long settlementBatchId, int version) {}

    /** A new PENDING reward of {@code spec}, releasable at {@code releaseAt}. */
    public static Reward pending(
            long campaignId,
            long referralId,
            String userId,
            Beneficiary beneficiary,
            Origin origin,
            RewardPolicy.Spec spec,
            Instant releaseAt,
            Instant now) {
        return new Reward(
                null,
                campaignId,
                referralId,
                userId,
                beneficiary,
                Worth.of(spec),
                origin,
                new Standing(RewardStatus.PENDING, null, releaseAt, null, 0),
                now);
    }

    /** A negative adjustment taking {@code amount} back from this (released) reward, available at once. */
    public Reward adjustment(long amount, String reason, String businessKey, String eventId, Instant now) {
        return new Reward(
                null,
                campaignId,
                referralId,
                userId,
                beneficiary,
                new Worth(kind(), -amount, worth.couponTemplateId(), -amount, 0),
                new Origin(RewardSource.ADJUSTMENT, businessKey, eventId, policyVersion(), origin.orderId(), id),
                new Standing(RewardStatus.AVAILABLE, reason, now, null, 0),
                now);
    }

    public Reward refused(String reason) {
        return new Reward(
                id,
                campaignId,
                referralId,
                userId,
                beneficiary,
                worth.withCost(0),
                origin,
                new Standing(
                        RewardStatus.REFUSED,
                        reason,
                        standing.releaseAt(),
                        standing.settlementBatchId(),
                        standing.version()),
                createdAt);
    }

    public Reward withCost(long cost) {
        return new Reward(
                id, campaignId, referralId, userId, beneficiary, worth.withCost(cost), origin, standing, createdAt);
    }

    public Reward withId(long newId) {
        return new Reward(newId, campaignId, referralId, userId, beneficiary, worth, origin, standing, createdAt);
    }

    public RewardKind kind() {
        return worth.kind();
    }

    public long amount() {
        return worth.amount();
    }

    public long costFen() {
        return worth.costFen();
    }

    public RewardSource source() {
        return origin.source();
    }

    public int policyVersion() {
        return origin.policyVersion();
    }

    public RewardStatus status() {
        return standing.status();
    }

    public int version() {
        return standing.version();
    }

    /** The ledger unit its amount counts in. */
    public Unit unit() {
        return switch (kind()) {
            case CASH -> Unit.FEN;
            case POINTS -> Unit.POINTS;
            case COUPON -> Unit.COUPON;
        };
    }

    public boolean isReferrerEarning() {
        return beneficiary == Beneficiary.REFERRER
                && (source() == RewardSource.REFERRAL || source() == RewardSource.MILESTONE);
    }
}
