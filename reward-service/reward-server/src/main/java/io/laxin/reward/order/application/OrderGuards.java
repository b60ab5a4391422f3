package io.laxin.reward.order.application;

import io.laxin.kernel.error.LaxinException;
import io.laxin.kernel.messaging.ProcessedEvents;
import io.laxin.reward.order.domain.OrderFacts;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/** The checks both order use cases start with: a valid report, and (on the event path) a first delivery. */
final class OrderGuards {

    private OrderGuards() {}

    static void requireValid(Optional<OrderFacts.Rejection> problem) {
        problem.ifPresent(p -> {
            throw new LaxinException(p.code(), p.detail());
        });
    }

    /** True over HTTP (no consumer) and on an event's first delivery; records the delivery in the transaction. */
    static boolean firstDelivery(ProcessedEvents processed, String consumer, String eventId) {
        return consumer == null || processed.firstDelivery(consumer, eventId);
    }

    /**
     * The event id of an order or refund reported over HTTP: a name-based UUID of the tag and the host's id, so the
     * same report always maps to the same event, and an order id never collides with a refund id.
     */
    static String ingestEventId(String tag, String id) {
        return UUID.nameUUIDFromBytes((tag + ":" + id).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
