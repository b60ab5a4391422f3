package io.laxin.reward.api;

import io.laxin.kernel.api.ErrorCode;

/** reward-service refusals, range 30000–30999. */
public enum RewardErrorCode implements ErrorCode {
    REWARD_NOT_FOUND(30001, 404, "No such reward"),

    // settlement and payouts: 30100–30199
    SETTLEMENT_BATCH_NOT_FOUND(30101, 404, "No such settlement batch"),
    SETTLEMENT_INVALID_PERIOD(30102, 400, "The settlement period is not valid"),
    SETTLEMENT_ILLEGAL_TRANSITION(30103, 409, "The settlement batch cannot make this move from its current state"),
    SETTLEMENT_SELF_APPROVAL(30104, 403, "A settlement batch must be approved by someone other than its submitter"),
    SETTLEMENT_PAYOUT_FILE_NOT_READY(30105, 409, "The payout file exists once the batch is approved"),
    SETTLEMENT_BATCH_STALE(
            30106, 409, "Rewards of this batch changed after it was collected; reject it and collect " + "again"),

    // orders and cashback: 30200–30299
    ORDER_ID_INVALID(30201, 400, "An order or refund id must be present and at most 64 characters"),
    ORDER_BUYER_INVALID(30202, 400, "The buyer's user id must be present and at most 64 characters"),
    ORDER_AMOUNT_INVALID(30203, 400, "An amount in fen must be present, more than 0 and at most 10,000,000,000"),
    ORDER_TIME_MISSING(30204, 400, "When the order was paid or refunded must be given, not in the future"),
    ORDER_NOT_FOUND(30205, 404, "No such order was reported paid"),
    ORDER_CONFLICT(30206, 409, "This order or refund id was reported before with other details"),
    REFUND_EXCEEDS_ORDER(30207, 422, "The refund is more than what is left of the order"),

    // finance reports and reconciliation: 30300–30399
    REPORT_DATE_INVALID(30301, 400, "from and to must be dates (2026-11-01) or instants (2026-11-01T08:00:00Z)"),
    REPORT_PERIOD_EMPTY(30302, 400, "from must be before to"),
    REPORT_PERIOD_TOO_LONG(30303, 400, "A report covers at most 366 days");

    private final Spec spec;

    RewardErrorCode(int number, int status, String title) {
        this.spec = new Spec(number, status, title);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
