package io.laxin.antifraud.api;

import io.laxin.kernel.api.ErrorCode;

/** antifraud-service refusals, range 50000–50999. */
public enum AntifraudErrorCode implements ErrorCode {
    SCREENING_NOT_FOUND(50001, 404, "No such screening"),
    SCREENING_OVERLOADED(50002, 429, "Screening is overloaded, retry later"),
    SCREENING_DEGRADED(50003, 503, "Screening is temporarily unavailable"),
    RULE_NOT_FOUND(50010, 404, "No such rule"),
    RULE_SETTING_INVALID(50011, 400, "The rule setting is not valid"),
    THRESHOLDS_INVALID(50012, 400, "The decision thresholds are not valid"),
    LIST_ENTRY_INVALID(50020, 400, "The list entry is not valid"),
    LIST_ENTRY_NOT_FOUND(50021, 404, "No such list entry"),
    CASE_NOT_FOUND(50030, 404, "No such review case"),
    CASE_ALREADY_DECIDED(50031, 409, "The review case was already decided otherwise"),
    DECISION_NOT_FOUND(50032, 404, "No decided review case");

    private final Spec spec;

    AntifraudErrorCode(int number, int status, String title) {
        this.spec = new Spec(number, status, title);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
