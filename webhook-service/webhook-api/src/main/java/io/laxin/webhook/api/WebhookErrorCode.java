package io.laxin.webhook.api;

import io.laxin.kernel.api.ErrorCode;

/** webhook-service refusals, range 60000–60999. */
public enum WebhookErrorCode implements ErrorCode {
    ENDPOINT_NOT_FOUND(60001, 404, "No such webhook endpoint"),
    ENDPOINT_URL_NOT_ALLOWED(60002, 400, "The endpoint URL is not allowed"),
    EVENT_TYPE_UNKNOWN(60003, 400, "Unknown event type"),
    ENDPOINT_LIMIT_REACHED(60004, 409, "No more webhook endpoints can be registered"),
    ENDPOINT_DISABLED(60005, 409, "The webhook endpoint is disabled"),
    DELIVERY_NOT_FOUND(60010, 404, "No such webhook delivery");

    private final Spec spec;

    WebhookErrorCode(int number, int status, String title) {
        this.spec = new Spec(number, status, title);
    }

    @Override
    public Spec spec() {
        return spec;
    }
}
