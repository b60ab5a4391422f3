package io.laxin.reward.order.web;

import java.time.Instant;

/** A full or partial refund of an order reported paid; checked by the use case. */
public record OrderRefundRequest(String refundId, String orderId, Long amountFen, Instant refundedAt) {}
