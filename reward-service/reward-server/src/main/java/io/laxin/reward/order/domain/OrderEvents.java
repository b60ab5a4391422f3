package io.laxin.reward.order.domain;

/**
 * Orders the host reported over HTTP, put on the order topic on the host's behalf (implemented over the outbox in
 * {@code messaging}). Appends in the caller's transaction.
 */
public interface OrderEvents {

    void paid(PaidOrder o);

    /** {@code order} is the refunded order (its buyer is the shard key). */
    void refunded(Refund r, PaidOrder order);
}
