package io.laxin.antifraud.api;

import io.laxin.kernel.api.ErrorCode;

/** antifraud-service refusals, range 50000–50999. */
public enum AntifraudErrorCode implements ErrorCode {
    SCREENING_NOT_FOUND(50001, 404, "No such screening");

    private final int number;
    private final int status;
    private final String title;

    AntifraudErrorCode(int number, int status, String title) {
        this.number = number;
        this.status = status;
        this.title = title;
    }

    @Override public int number() { return number; }
    @Override public int status() { return status; }
    @Override public String title() { return title; }
}
