package io.laxin.reward.api;

import io.laxin.kernel.api.ErrorCode;

/** reward-service refusals, range 30000–30999. */
public enum RewardErrorCode implements ErrorCode {
    REWARD_NOT_FOUND(30001, 404, "No such reward");

    private final int number;
    private final int status;
    private final String title;

    RewardErrorCode(int number, int status, String title) {
        this.number = number;
        this.status = status;
        this.title = title;
    }

    @Override public int number() { return number; }
    @Override public int status() { return status; }
    @Override public String title() { return title; }
}
