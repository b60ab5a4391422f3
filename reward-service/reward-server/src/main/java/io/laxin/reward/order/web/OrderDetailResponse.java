package io.laxin.reward.order.web;

import io.laxin.reward.order.application.ReadingOrders;
import java.util.ArrayList;
import java.util.List;

/** What finance sees of one order: the order and its refunds. */
public record OrderDetailResponse(OrderResponse order, List<RefundResponse> refunds) {

    static OrderDetailResponse of(ReadingOrders.OrderView v) {
        long running = 0;
        List<RefundResponse> refunds = new ArrayList<>();
        for (var r : v.refunds()) {
            running += r.amountFen();
            refunds.add(RefundResponse.of(r, running, true));
        }
        return new OrderDetailResponse(OrderResponse.of(v.order(), true), List.copyOf(refunds));
    }
}
