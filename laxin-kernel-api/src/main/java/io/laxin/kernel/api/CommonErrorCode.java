package io.laxin.kernel.api;

/** Refusals shared by every service (range 10000–10999). */
public enum CommonErrorCode implements ErrorCode {
    VALIDATION_FAILED(10001, 400, "The request is not valid"),
    MALFORMED_REQUEST(10002, 400, "The request body could not be read"),
    UNAUTHENTICATED(10003, 401, "Authentication is required"),
    FORBIDDEN(10004, 403, "You are not allowed to do this"),
    NOT_FOUND(10005, 404, "No such resource"),
    METHOD_NOT_ALLOWED(10006, 405, "Method not allowed"),
    IDEMPOTENCY_KEY_REUSED(10007, 422, "The Idempotency-Key was already used with a different request"),
    CONFLICT(10008, 409, "The request conflicts with the current state"),
    UNSUPPORTED_MEDIA_TYPE(10009, 415, "Unsupported media type"),
    NOT_ACCEPTABLE(10010, 406, "Not acceptable"),
    TOO_MANY_REQUESTS(10011, 429, "Too many requests"),
    DOWNSTREAM_UNAVAILABLE(10012, 503, "A downstream service is unavailable"),
    /** An internal hop's signed headers (nonce) were already used once: a replay, refused (ADR 0007). */
    SIGNATURE_REPLAYED(10013, 401, "This signed request was already used"),
    PAYLOAD_TOO_LARGE(10014, 413, "The request body is too large"),
    /** A host whose API key is scoped to some campaigns named another one. */
    CAMPAIGN_OUT_OF_SCOPE(10015, 403, "The API key is not scoped to this campaign"),
    INTERNAL_ERROR(10500, 500, "Internal error");

    private final Spec spec;

    CommonErrorCode(int number, int status, String title) {
        this.spec = new Spec(number, status, title);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
