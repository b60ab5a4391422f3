package io.laxin.reward.api.event;

import io.laxin.kernel.api.EventMetadata;
import java.time.Instant;

/**
 * The host says an order was paid (topic {@code laxin.topics.order}, tag {@link OrderEventTags#ORDER_PAID}; key: the
 * event id). If the buyer is an attributed invitee, the referrer may earn cashback and first-order bonuses. The same
 * order reported again (another event id, or over HTTP) pays once.
 *
 * @param orderId     the host's order id, at most 64 characters
 * @param buyerUserId the buyer's user id, at most 64 characters
 * @param amountFen   what the buyer paid, in fen, more than 0
 * @param paidAt      when it was paid (the cashback window and the hold period count from here)
 */
public record OrderPaidEvent(
        String eventId,
        String producer,
        Instant occurredAt,
        int schemaVersion,
        String orderId,
        String buyerUserId,
        long amountFen,
        Instant paidAt)
        implements EventMetadata {

    public static final int SCHEMA_VERSION = 1;
}
