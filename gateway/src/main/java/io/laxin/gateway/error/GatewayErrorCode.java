package io.laxin.gateway.error;

import io.laxin.kernel.api.ErrorCode;

/**
 * The gateway's own refusals (range 11000–11999). The shared ones (UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, …) come
 * from {@link io.laxin.kernel.api.CommonErrorCode}.
 */
public enum GatewayErrorCode implements ErrorCode {
    /** The host request's {@code X-Signature} is missing or does not match method, path, timestamp, nonce and body. */
    SIGNATURE_INVALID(11001, 401, "The request signature is not valid"),
    /** The host request's {@code X-Nonce} was already used within the last ten minutes. */
    NONCE_REUSED(11002, 401, "The nonce was already used"),
    /** The host request's {@code X-Timestamp} is more than five minutes from the gateway's clock. */
    TIMESTAMP_OUT_OF_RANGE(11003, 401, "The request timestamp is out of range"),
    /** {@code X-Api-Key} names no configured key. */
    API_KEY_UNKNOWN(11004, 401, "Unknown API key"),
    /** The bearer token is missing a valid signature, expired, or meant for another issuer / audience. */
    TOKEN_INVALID(11005, 401, "The bearer token is not valid"),
    /** The caller's token lacks the staff role the route needs (e.g. FINANCE for finance approvals). */
    ROLE_REQUIRED(11006, 403, "A staff role this route needs is missing"),
    /** A signed host request's body exceeds the limit the gateway reads to check its digest. */
    BODY_TOO_LARGE(11007, 413, "The request body is too large"),
    /** A Sentinel limit (route, per user, per API key) refused the call; retry after {@code Retry-After} seconds. */
    RATE_LIMITED(11008, 429, "Too many requests; slow down"),
    /** The circuit breaker of the service behind this route is open; retry after {@code Retry-After} seconds. */
    DOWNSTREAM_CIRCUIT_OPEN(11009, 503, "The service behind this route is failing; calls are paused"),
    /** The service answered an error without a problem body; the gateway wrapped it. */
    DOWNSTREAM_FAILED(11010, 502, "The service behind this route failed"),
    /** A store the gateway needs (the nonce store, the token issuer's key set) did not answer. */
    DEPENDENCY_UNAVAILABLE(11011, 503, "A store the gateway needs is unavailable");

    private final Spec spec;

    GatewayErrorCode(int number, int status, String title) {
        this.spec = new Spec(number, status, title);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
