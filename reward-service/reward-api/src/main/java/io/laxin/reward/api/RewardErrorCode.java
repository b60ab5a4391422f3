package io.laxin.reward.api;

import io.laxin.kernel.api.ErrorCode;

/** reward-service refusals, range 30000–30999. */
public enum RewardErrorCode implements ErrorCode {
    REWARD_NOT_FOUND(30001, 404, "No such reward"),

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
