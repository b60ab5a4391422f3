package io.laxin.webhook.delivery.web;

import io.laxin.webhook.delivery.application.ManagingDeliveries;
import java.time.Instant;
import java.util.List;

/** A delivery with the body it sends and every attempt. */
public record DeliveryDetailResponse(DeliveryResponse delivery, String body, List<AttemptResponse> attempts) {

    /** @param responseBody the first 1 KB of the answer */
    public record AttemptResponse(
            int number, Instant at, long latencyMs, Integer responseCode, String responseBody, String error) {}

    static DeliveryDetailResponse of(ManagingDeliveries.DeliveryDetail d) {
        return new DeliveryDetailResponse(
                DeliveryResponse.of(d.delivery()),
                d.body(),
                d.attempts().stream()
                        .map(a -> new AttemptResponse(
                                a.number(), a.at(), a.latencyMs(), a.responseCode(), a.responseBody(), a.error()))
                        .toList());
    }
}
