package io.laxin.reward.order.web;

import io.laxin.kernel.idempotency.IdempotentRequests;
import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.CallerKind;
import io.laxin.kernel.identity.Role;
import io.laxin.reward.order.application.ReadingOrders;
import io.laxin.reward.order.application.RecordPaidOrderCommand;
import io.laxin.reward.order.application.RecordingPaidOrders;
import io.laxin.reward.order.application.RefundOrderCommand;
import io.laxin.reward.order.application.RefundingOrders;
import io.laxin.reward.order.domain.OrderFacts;
import io.laxin.reward.reward.application.ConflictRetry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The host backend reports paid and refunded orders (signed HOST callers); the same use cases serve the order topic,
 * and an order or refund first reported here is published on the order topic on the host's behalf.
 * Finance reads an order back.
 */
@Tag(name = "Orders and cashback")
@RestController
public class HostOrderController {

    private final RecordingPaidOrders recording;
    private final RefundingOrders refunding;
    private final ReadingOrders reading;
    private final ConflictRetry retry;
    private final IdempotentRequests idempotency;

    public HostOrderController(
            RecordingPaidOrders recording,
            RefundingOrders refunding,
            ReadingOrders reading,
            ConflictRetry retry,
            IdempotentRequests idempotency) {
        this.recording = recording;
        this.refunding = refunding;
        this.reading = reading;
        this.retry = retry;
        this.idempotency = idempotency;
    }

    @Operation(
            summary = "Report a paid order (host backend)",
            description = "If the buyer is an attributed invitee and the order qualifies (cashback in the policy, "
                    + "inside the window, among the first K), the referrer earns floor(amount × share / 10000) fen "
                    + "and, on the first qualifying order, the first-order bonuses; all PENDING for the hold period. "
                    + "Every order is recorded with its outcome and, on its first report, published as ORDER_PAID "
                    + "on the order topic on the host's behalf (for the topic's other consumers). Reporting the same "
                    + "order id again (here or on the order topic) changes nothing, publishes nothing and answers "
                    + "firstReport=false; an Idempotency-Key is honoured.")
    @PostMapping("/api/v1/host/orders/paid")
    public OrderResponse paid(
            Caller caller,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
            @RequestBody OrderPaidRequest request) {
        caller.requireKind(CallerKind.HOST);
        var command = RecordPaidOrderCommand.reportedOverHttp(
                new OrderFacts.Paid(request.orderId(), request.buyerUserId(), request.amountFen(), request.paidAt()));
        var answer = new IdempotentRequests.Answer<RecordingPaidOrders.Outcome, OrderResponse>(
                idempotency.key("order-paid:" + caller.id(), key, request),
                OrderResponse.class,
                outcome -> OrderResponse.of(outcome.order(), outcome.firstReport()));
        return retry.run(() -> recording.handle(command, answer));
    }

    @Operation(
            summary = "Report a full or partial refund of an order (host backend)",
            description = "Takes back the order's cashback in proportion to the refunded share (and its first-order "
                    + "bonuses on a full refund): a pending reward is reduced or voided, a released one gets a "
                    + "negative ADJUSTMENT. 404 ORDER_NOT_FOUND for an order never reported paid; 422 "
                    + "REFUND_EXCEEDS_ORDER when it is more than what is left of the order. A first-reported refund is "
                    + "published as ORDER_REFUNDED on the order topic on the host's behalf. The same refund id again "
                    + "changes and publishes nothing (firstReport=false); an Idempotency-Key is honoured.")
    @PostMapping("/api/v1/host/orders/refunds")
    public RefundResponse refund(
            Caller caller,
            @RequestHeader(name = IdempotentRequests.HEADER, required = false) String key,
            @RequestBody OrderRefundRequest request) {
        caller.requireKind(CallerKind.HOST);
        var command = RefundOrderCommand.reportedOverHttp(new OrderFacts.Refunded(
                request.refundId(), request.orderId(), request.amountFen(), request.refundedAt()));
        var answer = new IdempotentRequests.Answer<RefundingOrders.Outcome, RefundResponse>(
                idempotency.key("order-refund:" + caller.id(), key, request),
                RefundResponse.class,
                outcome -> RefundResponse.of(outcome.refund(), outcome.order().refundedFen(), outcome.firstReport()));
        return retry.run(() -> refunding.handle(command, answer));
    }

    @Operation(summary = "One reported order with its outcome, cashback and refunds (FINANCE, OPS)")
    @GetMapping("/api/v1/admin/rewards/orders/{orderId}")
    public OrderDetailResponse order(Caller caller, @PathVariable String orderId) {
        caller.requireStaff(Role.FINANCE, Role.OPS);
        return OrderDetailResponse.of(reading.byId(orderId));
    }
}
