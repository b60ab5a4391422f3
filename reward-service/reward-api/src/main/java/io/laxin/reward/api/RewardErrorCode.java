package io.laxin.reward.api;

import io.laxin.kernel.api.ErrorCode;

/** reward-service refusals, range 30000–30999. */
public enum RewardErrorCode implements ErrorCode {
    REWARD_NOT_FOUND(30001, 404, "No such reward"),

    // orders and cashback: 30200–30299
    ORDER_ID_INVALID(30201, 400, "An order or refund id must be present and at most 64 characters"),
    ORDER_BUYER_INVALID(30202, 400, "The buyer's user id must be present and at most 64 characters"),
    ORDER_AMOUNT_INVALID(30203, 400, "An amount in fen must be present and more than 0"),
    ORDER_TIME_MISSING(30204, 400, "When the order was paid or refunded must be given"),
    ORDER_NOT_FOUND(30205, 404, "No such order was reported paid"),
    ORDER_CONFLICT(30206, 409, "This order or refund id was reported before with other details"),
    REFUND_EXCEEDS_ORDER(30207, 422, "The refund is more than what is left of the order");

    private final Spec spec;

    RewardErrorCode(int number, int status, String title) {
        this.spec = new Spec(number, status, title);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
