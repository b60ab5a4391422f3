package io.laxin.reward.order.domain;

import java.util.OptionalInt;

/** Port: how many qualifying orders each attribution has had, counted under a row lock. */
public interface OrderTallies {

    /**
     * Locks the attribution's counter until the transaction ends and, if fewer than {@code firstOrders} (null: no
     * limit) were counted, counts one more and returns its rank (1 = first). Empty when the first K were taken, so two
     * concurrent orders cannot both be the Kth.
     */
    OptionalInt nextQualifying(long referralId, Integer firstOrders);
}
