package io.laxin.reward.api;

import io.laxin.kernel.api.ErrorCode;

/** reward-service refusals, range 30000–30999. */
public enum RewardErrorCode implements ErrorCode {
    REWARD_NOT_FOUND(30001, 404, "No such reward");

    private final Spec spec;

    RewardErrorCode(int number, int status, String title) {
        this.spec = new Spec(number, status, title);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
