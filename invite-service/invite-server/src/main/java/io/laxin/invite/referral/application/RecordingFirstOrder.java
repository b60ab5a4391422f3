package io.laxin.invite.referral.application;

import io.laxin.invite.referral.domain.Referrals;
import io.laxin.kernel.messaging.ProcessedEvents;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case: a paid order marks the buyer's referrals (one per campaign they were invited into) with their first order
 * — only where none is marked yet and the order was paid at or after the registration, so a later order or a
 * redelivery changes nothing. Idempotent on the event id as well (processed_event, same transaction).
 */
@Service
public class RecordingFirstOrder {

    private final ProcessedEvents processed;
    private final Referrals referrals;

    public RecordingFirstOrder(ProcessedEvents processed, Referrals referrals) {
        this.processed = processed;
        this.referrals = referrals;
    }

    /** Returns how many referrals got their first order (0 for a redelivery, a later order, or a non-invitee). */
    @Transactional
    public int handle(RecordFirstOrderCommand c) {
        if (!processed.firstDelivery(c.consumer(), c.eventId())) {
            return 0;
        }
        return referrals.markFirstOrder(c.buyerUserId(), c.orderId(), c.paidAt());
    }
}
