package io.laxin.poster.api;

import io.laxin.kernel.api.ErrorCode;

/** poster-service refusals, range 40000–40999. */
public enum PosterErrorCode implements ErrorCode {
    POSTER_FORMAT_UNSUPPORTED(40001, 400, "The poster format is not supported; use jpeg or png"),
    INVITE_UNAVAILABLE(40002, 503, "The invite could not be fetched from invite-service; try again shortly"),
    TEMPLATE_NOT_FOUND(40003, 404, "No such poster template or template version"),
    TEMPLATE_LAYOUT_INVALID(40004, 400, "The template layout does not fit the background or breaks a rule"),
    IMAGE_UNSUPPORTED(40005, 415, "The image is not a PNG or JPEG that can be read"),
    IMAGE_TOO_LARGE(40006, 413, "The image is over the byte or pixel limit"),
    WECHAT_UNAVAILABLE(40007, 502, "WeChat refused or failed to make the mini-program code"),
    WECHAT_SCENE_INVALID(
            40008, 400, "The mini-program scene is longer than 32 characters or has characters WeChat refuses"),
    WECHAT_NOT_CONFIGURED(40009, 503, "The poster needs a mini-program code but no WeChat app is configured"),
    JOB_NOT_FOUND(40010, 404, "No such pre-generation job"),
    JOB_TOO_LARGE(40011, 400, "A pre-generation job holds at most 1000 users"),
    /** A user asked for more different posters today than anyone needs (new nicknames, avatars, templates). */
    POSTER_VARIANTS_EXCEEDED(40012, 429, "Too many different posters for one user today"),
    /** Every render slot stayed busy while the request waited; the poster can be asked for again shortly. */
    RENDERING_BUSY(40013, 503, "Every poster render slot is busy; try again shortly");

    private final Spec spec;

    PosterErrorCode(int number, int status, String title) {
        this.spec = new Spec(number, status, title);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
