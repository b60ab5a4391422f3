package io.laxin.reward.api.event;

import io.laxin.kernel.api.EventMetadata;
import java.time.Instant;

/**
 * The host says (part of) an order was refunded (topic {@code laxin.topics.order}, tag
 * {@link OrderEventTags#ORDER_REFUNDED}; key: the event id). The order's cashback is taken back in proportion, its
 * first-order bonuses on a full refund. The same refund id reported again takes back nothing more.
 *
 * @param refundId   the host's refund id, at most 64 characters
 * @param orderId    the refunded order, reported paid before (a refund of an unknown order is redelivered)
 * @param amountFen  what was refunded, in fen, more than 0 and at most what is left of the order
 * @param refundedAt when it was refunded
 */
public record OrderRefundedEvent(
        String eventId,
        String producer,
        Instant occurredAt,
        int schemaVersion,
        String refundId,
        String orderId,
        long amountFen,
        Instant refundedAt)
        implements EventMetadata {

    public static final int SCHEMA_VERSION = 1;
}
