package io.laxin.reward.order.domain;

import io.laxin.reward.api.RewardErrorCode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * What the host reports about an order, from either path (HTTP or the order topic), and the checks both apply before
 * anything is written.
 */
public final class OrderFacts {

    /** Ids are the host's; they go into business keys, so they are bounded. */
    public static final int MAX_ID_LENGTH = 64;

    /**
     * Payment and refund times are kept to the second: MySQL Connector/J drops the fraction when it talks to MariaDB
     * (whose handshake announces version 5.5.5), so a finer time would not read back equal and a repeated report of
     * the same order would look like a contradicting one.
     */
    public static final ChronoUnit TIME_PRECISION = ChronoUnit.SECONDS;

    private OrderFacts() {
    }

    /** A bad report: the stable code and a detail the host can act on. */
    public record Rejection(RewardErrorCode code, String detail) {
    }

    /** An order was paid. */
    public record Paid(String orderId, String buyerUserId, Long amountFen, Instant paidAt) {

        public Optional<Rejection> problem() {
            return firstOf(id("orderId", orderId, RewardErrorCode.ORDER_ID_INVALID),
                    id("buyerUserId", buyerUserId, RewardErrorCode.ORDER_BUYER_INVALID),
                    amount(amountFen), time("paidAt", paidAt));
        }
    }

    /** (Part of) an order was refunded. */
    public record Refunded(String refundId, String orderId, Long amountFen, Instant refundedAt) {

        public Optional<Rejection> problem() {
            return firstOf(id("refundId", refundId, RewardErrorCode.ORDER_ID_INVALID),
                    id("orderId", orderId, RewardErrorCode.ORDER_ID_INVALID),
                    amount(amountFen), time("refundedAt", refundedAt));
        }
    }

    @SafeVarargs
    private static Optional<Rejection> firstOf(Optional<Rejection>... checks) {
        for (Optional<Rejection> c : checks) {
            if (c.isPresent()) {
                return c;
            }
        }
        return Optional.empty();
    }

    private static Optional<Rejection> id(String field, String value, RewardErrorCode code) {
        return value == null || value.isBlank() || value.length() > MAX_ID_LENGTH
                ? Optional.of(new Rejection(code, field + " must be present and at most " + MAX_ID_LENGTH
                        + " characters"))
                : Optional.empty();
    }

    private static Optional<Rejection> amount(Long amountFen) {
        return amountFen == null || amountFen <= 0
                ? Optional.of(new Rejection(RewardErrorCode.ORDER_AMOUNT_INVALID,
                        "amountFen must be a whole number of fen above 0"))
                : Optional.empty();
    }

    private static Optional<Rejection> time(String field, Instant value) {
        return value == null
                ? Optional.of(new Rejection(RewardErrorCode.ORDER_TIME_MISSING, field + " must be given"))
                : Optional.empty();
    }
}
