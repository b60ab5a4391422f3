package io.laxin.reward.order.infra;

import io.laxin.reward.order.domain.Refund;
import io.laxin.reward.order.domain.Refunds;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Refunds on MySQL ({@code order_refund}); the refund id is the primary key. */
@Repository
class JdbcRefunds implements Refunds {

    private static final RowMapper<Refund> ROW = (rs, i) -> new Refund(
            rs.getString("refund_id"),
            rs.getString("order_id"),
            rs.getLong("amount_fen"),
            rs.getTimestamp("refunded_at").toInstant(),
            rs.getLong("cashback_taken_fen"),
            rs.getString("source_event_id"),
            rs.getTimestamp("created_at").toInstant());

    private final JdbcTemplate jdbc;

    JdbcRefunds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(Refund r) {
        jdbc.update(
                "INSERT INTO order_refund (refund_id, order_id, amount_fen, refunded_at, cashback_taken_fen, "
                        + "source_event_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                r.refundId(),
                r.orderId(),
                r.amountFen(),
                Timestamp.from(r.refundedAt()),
                r.cashbackTakenFen(),
                r.sourceEventId(),
                Timestamp.from(r.createdAt()));
    }

    @Override
    public Optional<Refund> byId(String refundId) {
        return jdbc.query("SELECT * FROM order_refund WHERE refund_id = ?", ROW, refundId).stream()
                .findFirst();
    }

    @Override
    public List<Refund> ofOrder(String orderId) {
        return jdbc.query("SELECT * FROM order_refund WHERE order_id = ? ORDER BY created_at, refund_id", ROW, orderId);
    }
}
