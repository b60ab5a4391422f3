package io.laxin.reward.reward.domain;

/**
 * A reward's changes, told to the rest of the suite (implemented over the outbox in {@code messaging}). Appends in
 * the caller's transaction.
 */
public interface RewardEvents {

    /** {@code tag} is one of the api jar's {@code RewardEventTags}; {@code r} is the reward after the change. */
    void published(String tag, Reward r);

    /**
     * The rewards of a settlement batch changed status together: one event for the whole batch (tag {@code
     * REWARD_BATCH_SETTLED} or {@code REWARD_BATCH_PAID}), never one per reward.
     */
    void batchMoved(RewardBatches.Moved moved);
}
