package io.laxin.reward.order.domain;

import io.laxin.kernel.api.ExternalIds;
import io.laxin.kernel.api.ReportedTimes;
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

    /** ¥100,000,000: far above any order a referral programme pays cashback on, far below an overflow. */
    public static final long MAX_AMOUNT_FEN = 10_000_000_000L;

    private OrderFacts() {}

    /** A bad report: the stable code and a detail the host can act on. */
    public record Rejection(RewardErrorCode code, String detail) {}

    /** An order was paid. */
    public record Paid(String orderId, String buyerUserId, Long amountFen, Instant paidAt) {

        /** What is wrong with the report, judged at {@code now}: empty when nothing is. */
        public Optional<Rejection> problem(Instant now) {
            return firstOf(
                    id("orderId", orderId, RewardErrorCode.ORDER_ID_INVALID),
                    id("buyerUserId", buyerUserId, RewardErrorCode.ORDER_BUYER_INVALID),
                    amount(amountFen),
                    time("paidAt", paidAt, now));
        }
    }

    /** (Part of) an order was refunded. */
    public record Refunded(String refundId, String orderId, Long amountFen, Instant refundedAt) {

        /** What is wrong with the report, judged at {@code now}: empty when nothing is. */
        public Optional<Rejection> problem(Instant now) {
            return firstOf(
                    id("refundId", refundId, RewardErrorCode.ORDER_ID_INVALID),
                    id("orderId", orderId, RewardErrorCode.ORDER_ID_INVALID),
                    amount(amountFen),
                    time("refundedAt", refundedAt, now));
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
        return !ExternalIds.isId(value) || value.length() > MAX_ID_LENGTH
                ? Optional.of(new Rejection(
                        code,
                        field + " must be 1-" + MAX_ID_LENGTH + " characters of A-Z a-z 0-9 "
                                + "_ . : @ + -, starting with a letter, a digit or +"))
                : Optional.empty();
    }

    private static Optional<Rejection> amount(Long amountFen) {
        return amountFen == null || amountFen <= 0 || amountFen > MAX_AMOUNT_FEN
                ? Optional.of(new Rejection(
                        RewardErrorCode.ORDER_AMOUNT_INVALID,
                        "amountFen must be a whole number of fen above 0 and at most " + MAX_AMOUNT_FEN))
                : Optional.empty();
    }

    private static Optional<Rejection> time(String field, Instant value, Instant now) {
        if (value == null) {
            return Optional.of(new Rejection(RewardErrorCode.ORDER_TIME_MISSING, field + " must be given"));
        }
        if (!ReportedTimes.plausible(value, now)) {
            return Optional.of(new Rejection(RewardErrorCode.ORDER_TIME_MISSING, ReportedTimes.why(field, value)));
        }
        return Optional.empty();
    }
}
