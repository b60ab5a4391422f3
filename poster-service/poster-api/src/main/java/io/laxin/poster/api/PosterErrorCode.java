package io.laxin.poster.api;

import io.laxin.kernel.api.ErrorCode;

/** poster-service refusals, range 40000–40999. */
public enum PosterErrorCode implements ErrorCode {
    POSTER_FORMAT_UNSUPPORTED(40001, 400, "The poster format is not supported; use jpeg or png"),
    INVITE_UNAVAILABLE(40002, 503, "The invite could not be fetched from invite-service; try again shortly");

    private final Spec spec;

    PosterErrorCode(int number, int status, String title) {
        this.spec = new Spec(number, status, title);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
