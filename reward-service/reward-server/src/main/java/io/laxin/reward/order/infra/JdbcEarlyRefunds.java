package io.laxin.reward.order.infra;

import io.laxin.reward.order.domain.EarlyRefunds;
import io.laxin.reward.order.domain.OrderFacts;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@code early_refund}: conditional and set-wise SQL, so plain JDBC like the other order tables. */
@Repository
class JdbcEarlyRefunds implements EarlyRefunds {

    private static final int MAX_REASON = 500;

    private final JdbcTemplate jdbc;

    JdbcEarlyRefunds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void park(OrderFacts.Refunded r, String eventId, Instant at) {
        // a second event for the same refund id changes nothing (one refund is one refund)
        jdbc.update(
                "INSERT INTO early_refund (refund_id, order_id, amount_fen, refunded_at, event_id, parked_at) "
                        + "SELECT ?, ?, ?, ?, ?, ? FROM (SELECT 1 AS one) x WHERE NOT EXISTS "
                        + "(SELECT 1 FROM early_refund WHERE refund_id = ?)",
                r.refundId(),
                r.orderId(),
                r.amountFen(),
                Timestamp.from(r.refundedAt()),
                eventId,
                Timestamp.from(at),
                r.refundId());
    }

    @Override
    public List<Parked> forOrder(String orderId) {
        return jdbc.query(
                "SELECT refund_id, order_id, amount_fen, refunded_at, event_id FROM early_refund "
                        + "WHERE order_id = ? AND refused IS NULL ORDER BY parked_at, refund_id FOR UPDATE",
                (rs, i) -> new Parked(
                        new OrderFacts.Refunded(
                                rs.getString("refund_id"),
                                rs.getString("order_id"),
                                rs.getLong("amount_fen"),
                                rs.getTimestamp("refunded_at").toInstant()),
                        rs.getString("event_id")),
                orderId);
    }

    @Override
    public void applied(String refundId) {
        jdbc.update("DELETE FROM early_refund WHERE refund_id = ?", refundId);
    }

    @Override
    public void refused(String refundId, String reason) {
        jdbc.update(
                "UPDATE early_refund SET refused = ? WHERE refund_id = ?",
                reason.substring(0, Math.min(reason.length(), MAX_REASON)),
                refundId);
    }
}
