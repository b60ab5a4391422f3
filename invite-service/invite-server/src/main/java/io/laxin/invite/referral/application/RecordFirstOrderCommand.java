package io.laxin.invite.referral.application;

import java.time.Instant;

/** The host says a user paid an order (one delivery of an ORDER_PAID event, by a consumer group). */
public record RecordFirstOrderCommand(
        String consumer, String eventId, String buyerUserId, String orderId, Instant paidAt) {}
