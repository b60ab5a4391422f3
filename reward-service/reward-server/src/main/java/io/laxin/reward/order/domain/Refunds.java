package io.laxin.reward.order.domain;

import java.util.List;
import java.util.Optional;

/** Port: refunds of paid orders, one row per refund id. */
public interface Refunds {

    void add(Refund refund);

    Optional<Refund> byId(String refundId);

    List<Refund> ofOrder(String orderId);
}
