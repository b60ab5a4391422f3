package io.laxin.webhook.delivery.application;

import io.laxin.kernel.messaging.ProcessedEvents;
import io.laxin.webhook.delivery.domain.Deliveries;
import io.laxin.webhook.delivery.domain.WebhookEvent;
import io.laxin.webhook.endpoint.domain.Endpoint;
import io.laxin.webhook.endpoint.domain.Endpoints;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An event of the suite arrived: in one transaction, record it as processed (once per event id), store it, and queue
 * one delivery per enabled endpoint that subscribes to its type. A redelivered message finds the processed row and
 * does nothing, so an event reaches each endpoint once however often the broker hands it over.
 */
@Service
public class FanningOutEvent {

    /** The consumer name in {@code processed_event} (also the RocketMQ consumer group). */
    public static final String CONSUMER = "webhook-service-fanout";

    private final ProcessedEvents processed;
    private final Deliveries deliveries;
    private final Endpoints endpoints;
    private final Clock clock;

    public FanningOutEvent(ProcessedEvents processed, Deliveries deliveries, Endpoints endpoints, Clock clock) {
        this.processed = processed;
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.clock = clock;
    }

    /** Answers how many deliveries were queued (0 for a duplicate). */
    @Transactional
    public int fanOut(WebhookEvent event) {
        if (!processed.firstDelivery(CONSUMER, event.id())) {
            return 0;
        }
        Instant now = clock.instant();
        deliveries.storeEvent(event, now);
        int queued = 0;
        for (Endpoint endpoint : endpoints.enabled()) {
            if (endpoint.subscribes(event.type())
                    && deliveries.create(endpoint.id(), event, now).isPresent()) {
                queued++;
            }
        }
        return queued;
    }
}
