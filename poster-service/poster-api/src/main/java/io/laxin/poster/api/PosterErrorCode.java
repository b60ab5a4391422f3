package io.laxin.poster.api;

import io.laxin.kernel.api.ErrorCode;

/** poster-service refusals, range 40000–40999. */
public enum PosterErrorCode implements ErrorCode {
    POSTER_FORMAT_UNSUPPORTED(40001, 400, "The poster format is not supported; use jpeg or png"),
    INVITE_UNAVAILABLE(40002, 503, "The invite could not be fetched from invite-service; try again shortly");

    private final int number;
    private final int status;
    private final String title;

    PosterErrorCode(int number, int status, String title) {
        this.number = number;
        this.status = status;
        this.title = title;
    }

    @Override public int number() { return number; }
    @Override public int status() { return status; }
    @Override public String title() { return title; }
}
