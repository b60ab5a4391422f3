package io.laxin.antifraud.analysis.domain;

import java.time.Instant;

/** One screened (not rejected) invitee with the number of orders the host reported for them. */
public record InviteeOrders(
        String screeningId,
        long campaignId,
        String referrerUserId,
        String inviteeUserId,
        Instant registeredAt,
        long orders) {

    /** The activity kind of a paid order (from the order topic, or reported by the host). */
    public static final String ORDER_ACTIVITY = "ORDER";
}
