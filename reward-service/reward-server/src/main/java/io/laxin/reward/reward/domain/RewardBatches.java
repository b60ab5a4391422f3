package io.laxin.reward.reward.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: rewards moved set-wise for a settlement batch (one statement per chunk or per batch, never one per reward),
 * owned here so that every write to a reward row is the reward feature's; settlement's use cases call it in their
 * transactions. A reward is collectable when it is an AVAILABLE cash reward of the campaign, released before the
 * period's end, in no batch. Settling and paying move whatever of the batch is in the expected status and bump each
 * row's version, so a single-row change that read a reward before (see {@link Rewards#changeStatus}) fails and
 * retries. The caller tells the rest of the suite through {@link RewardEvents#batchMoved}, in the same transaction.
 */
public interface RewardBatches {

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

    /**
     * The batch's AVAILABLE rewards become SETTLED.
     *
     * @return how many moved
     */
    int settle(long batchId, Instant at);

    /**
     * Negative adjustments of the batch's rewards that are not in the batch — made after it was collected (a fraud
     * verdict, a refund) — read with a locking read, so one committing while the batch is approved is seen.
     */
    int countAdjustedAfterCollection(long batchId);

    /**
     * The batch's SETTLED rewards become PAID.
     *
     * @return how many moved
     */
    int pay(long batchId, Instant at);

    /** What one claim did: the highest reward id it covered and how many rewards it claimed. */
    record Claimed(long lastId, int rewards) {}

    /** One user of a batch and how many rewards they have in it. */
    record UserRewards(String userId, long rewards) {}

    /**
     * The rewards of a settlement batch moved together to {@code status} (SETTLED or PAID): {@code rewards} of them,
     * worth {@code amountFen} together.
     */
    record Moved(long batchId, long campaignId, RewardStatus status, long rewards, long amountFen) {}
}
