package io.laxin.reward.settlement.domain;

import java.time.Instant;
import java.util.List;

/**
 * Port: rewards as settlement sees them, moved set-wise (one statement per chunk, never one per reward). A reward
 * is collectable when it is an AVAILABLE cash reward of the campaign, released before the period's end, in no batch.
 */
public interface SettlementRewards {

    long countCollectable(long campaignId, Instant releasedBefore);

    /**
     * Puts up to {@code limit} collectable rewards into the batch. Only rewards still in no batch are taken, so
     * two batches never claim the same reward.
     *
     * @return rewards claimed; 0 when none is left
     */
    int claim(long batchId, long campaignId, Instant releasedBefore, int limit);

    /** The next {@code limit} users of the batch after {@code afterUser} (null for the first), with their reward counts. */
    List<UserRewards> usersAfter(long batchId, String afterUser, int limit);

    /** Takes the rewards of users in ({@code afterUser}, {@code lastUser}] who got no line back out of the batch. */
    int releaseCarriedOver(long batchId, String afterUser, String lastUser);

    /** Takes every still-AVAILABLE reward back out of the batch (rejection, failed collection). */
    int releaseAll(long batchId);

    /** The batch's rewards become SETTLED. */
    int settle(long batchId, Instant at);

    /** The batch's rewards become PAID. */
    int pay(long batchId, Instant at);

    /** One user of a batch and how many rewards they have in it. */
    record UserRewards(String userId, long rewards) {
    }
}
