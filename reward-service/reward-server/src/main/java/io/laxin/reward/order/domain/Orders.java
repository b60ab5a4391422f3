package io.laxin.reward.order.domain;

import java.util.Optional;

/** Port: the paid orders reported by the host, one row per order id. */
public interface Orders {

    /** Stores a newly reported order; false when one with its id exists already (nothing is written). */
    boolean add(PaidOrder order);

    Optional<PaidOrder> byId(String orderId);

    /** Reads the order and locks its row until the transaction ends (refunds of one order are serialized). */
    Optional<PaidOrder> lockById(String orderId);

    /** The buyer's orders recorded as {@code NOT_INVITEE}, oldest payment first, their rows locked. */
    java.util.List<PaidOrder> lockNotInviteeOfBuyer(String buyerUserId);

    /** Stores the attribution, the outcome, the qualifying rank, the cashback and the refunded total. */
    void update(PaidOrder order);
}
