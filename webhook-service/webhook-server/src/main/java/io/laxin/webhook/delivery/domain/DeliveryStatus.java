package io.laxin.webhook.delivery.domain;

/** Where a delivery (one event to one endpoint) stands. */
public enum DeliveryStatus {
    /** To be sent, or to be retried at its next attempt time. */
    PENDING,
    /** An attempt got a 2xx. */
    DELIVERED,
    /** Every attempt of its round failed; a redelivery starts a new round. */
    DEAD
}
