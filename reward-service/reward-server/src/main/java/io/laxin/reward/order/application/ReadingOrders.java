package io.laxin.reward.order.application;

import io.laxin.kernel.error.LaxinException;
import io.laxin.reward.api.RewardErrorCode;
import io.laxin.reward.order.domain.Orders;
import io.laxin.reward.order.domain.PaidOrder;
import io.laxin.reward.order.domain.Refund;
import io.laxin.reward.order.domain.Refunds;
import java.util.List;
import org.springframework.stereotype.Service;

/** Use case: what finance sees of one order: its outcome, its cashback and its refunds. */
@Service
public class ReadingOrders {

    private final Orders orders;
    private final Refunds refunds;

    public ReadingOrders(Orders orders, Refunds refunds) {
        this.orders = orders;
        this.refunds = refunds;
    }

    public record OrderView(PaidOrder order, List<Refund> refunds) {}

    public OrderView byId(String orderId) {
        PaidOrder order = orders.byId(orderId)
                .orElseThrow(() -> new LaxinException(
                        RewardErrorCode.ORDER_NOT_FOUND, "Order " + orderId + " was not reported paid"));
        return new OrderView(order, refunds.ofOrder(orderId));
    }
}
