package io.laxin.reward.order.web;

import java.time.Instant;

/** An order the host saw paid; checked by the use case (the same checks as on the topic). */
public record OrderPaidRequest(String orderId, String buyerUserId, Long amountFen, Instant paidAt) {}
