package io.laxin.reward.order.application;

import io.laxin.kernel.error.LaxinException;
import io.laxin.kernel.messaging.ProcessedEvents;
import io.laxin.reward.order.domain.OrderFacts;

import java.util.Optional;

/** The checks both order use cases start with: a valid report, and (on the event path) a first delivery. */
final class OrderGuards {

    private OrderGuards() {
    }

    static void requireValid(Optional<OrderFacts.Rejection> problem) {
        problem.ifPresent(p -> {
            throw new LaxinException(p.code(), p.detail());
        });
    }

    /** True over HTTP (no event id) and on an event's first delivery; records the delivery in the transaction. */
    static boolean firstDelivery(ProcessedEvents processed, String consumer, String eventId) {
        return eventId == null || processed.firstDelivery(consumer, eventId);
    }
}
