package io.laxin.antifraud.api;

import io.laxin.kernel.api.ErrorCode;

/** antifraud-service refusals, range 50000–50999. */
public enum AntifraudErrorCode implements ErrorCode {
    SCREENING_NOT_FOUND(50001, 404, "No such screening");

    private final Spec spec;

    AntifraudErrorCode(int number, int status, String title) {
        this.spec = new Spec(number, status, title);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
