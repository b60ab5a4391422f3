package io.laxin.reward.settlement.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: rewards as settlement sees them, moved set-wise (one statement per chunk, never one per reward). A reward
 * is collectable when it is an AVAILABLE cash reward of the campaign, released before the period's end, in no batch.
 */
public interface SettlementRewards {

    long countCollectable(long campaignId, Instant releasedBefore);

    /**
     * Puts the next (by id, above {@code afterId}) up to {@code limit} collectable rewards into the batch. Only
     * rewards still in no batch are taken, so two batches never claim the same reward.
     *
     * @return the last id it looked at and how many it claimed; empty when no collectable reward is left above
     *         {@code afterId}
     */
    Optional<Claimed> claimNext(long batchId, long campaignId, Instant releasedBefore, long afterId, int limit);

    /** The next {@code limit} users of the batch after {@code afterUser} (null for the first), with their reward counts. */
    List<UserRewards> usersAfter(long batchId, String afterUser, int limit);

    /** Takes the rewards of users in ({@code afterUser}, {@code lastUser}] who got no line back out of the batch. */
    int releaseCarriedOver(long batchId, String afterUser, String lastUser);

    /** Takes every still-AVAILABLE reward back out of the batch (rejection, failed collection). */
    int releaseAll(long batchId);

    /** The batch's rewards become SETTLED. */
    int settle(long batchId, Instant at);

    /**
     * Negative adjustments of the batch's rewards that are not in the batch — made after it was collected (a fraud
     * verdict, a refund) — read with a locking read, so one committing while the batch is approved is seen.
     */
    int countAdjustedAfterCollection(long batchId);

    /** The batch's rewards become PAID. */
    int pay(long batchId, Instant at);

    /** What one claim did: the highest reward id it covered and how many rewards it claimed. */
    record Claimed(long lastId, int rewards) {}

    /** One user of a batch and how many rewards they have in it. */
    record UserRewards(String userId, long rewards) {}
}
