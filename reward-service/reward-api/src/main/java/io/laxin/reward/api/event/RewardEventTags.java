package io.laxin.reward.api.event;

/** RocketMQ tags on the reward topic ({@code laxin.topics.reward}). */
public final class RewardEventTags {

    public static final String ISSUED = "REWARD_ISSUED";
    public static final String RELEASED = "REWARD_RELEASED";
    public static final String REVOKED = "REWARD_REVOKED";
    public static final String ADJUSTED = "REWARD_ADJUSTED";
    /** A user's rewards in a settlement batch were paid out ({@link RewardsPaidEvent}, one per statement line). */
    public static final String PAID = "REWARD_PAID";
    /** The rewards of a settlement batch became SETTLED on its approval ({@link RewardBatchEvent}, one per batch). */
    public static final String BATCH_SETTLED = "REWARD_BATCH_SETTLED";
    /** The rewards of a settlement batch became PAID on its payout ({@link RewardBatchEvent}, one per batch). */
    public static final String BATCH_PAID = "REWARD_BATCH_PAID";
    /** A settlement batch was approved by a second finance person ({@link SettlementBatchEvent}). */
    public static final String SETTLEMENT_APPROVED = "SETTLEMENT_APPROVED";
    /** Finance confirmed a settlement batch's payout ({@link SettlementBatchEvent}). */
    public static final String SETTLEMENT_PAID = "SETTLEMENT_PAID";

    private RewardEventTags() {}
}
