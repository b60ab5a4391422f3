package io.laxin.reward.api.event;

/** RocketMQ tags on the reward topic ({@code laxin.topics.reward}). */
public final class RewardEventTags {

    public static final String ISSUED = "REWARD_ISSUED";
    public static final String RELEASED = "REWARD_RELEASED";
    public static final String REVOKED = "REWARD_REVOKED";
    public static final String ADJUSTED = "REWARD_ADJUSTED";

    private RewardEventTags() {
    }
}
