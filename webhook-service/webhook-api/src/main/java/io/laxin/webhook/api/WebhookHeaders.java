package io.laxin.webhook.api;

/** Headers of every webhook request. */
public final class WebhookHeaders {

    /** {@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>}; see {@link WebhookSignature}. */
    public static final String SIGNATURE = "Laxin-Signature";
    /** The event's id: the same on every retry and on every endpoint. Deduplicate on it. */
    public static final String EVENT_ID = "Laxin-Event-Id";

    public static final String EVENT_TYPE = "Laxin-Event-Type";
    /** This delivery (one event to one endpoint); quote it to support. */
    public static final String DELIVERY_ID = "Laxin-Delivery-Id";

    public static final String USER_AGENT = "Laxin-Webhooks/1";

    private WebhookHeaders() {}
}
