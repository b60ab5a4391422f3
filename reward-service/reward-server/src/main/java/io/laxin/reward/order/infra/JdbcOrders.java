package io.laxin.reward.order.infra;

import io.laxin.reward.order.domain.OrderOutcome;
import io.laxin.reward.order.domain.Orders;
import io.laxin.reward.order.domain.PaidOrder;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Paid orders on MySQL ({@code host_order}); the order id is the primary key. */
@Repository
class JdbcOrders implements Orders {

    private static final RowMapper<PaidOrder> ROW = JdbcOrders::map;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    JdbcOrders(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public boolean add(PaidOrder o) {
        try {
            jdbc.update(
                    "INSERT INTO host_order (order_id, buyer_user_id, amount_fen, paid_at, referral_id, "
                            + "campaign_id, outcome, qualifying_nth, cashback_fen, refunded_fen, source_event_id, "
                            + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    o.orderId(),
                    o.buyerUserId(),
                    o.amountFen(),
                    Timestamp.from(o.paidAt()),
                    o.referralId(),
                    o.campaignId(),
                    o.outcome().name(),
                    o.qualifyingNth(),
                    o.cashbackFen(),
                    o.refundedFen(),
                    o.sourceEventId(),
                    Timestamp.from(o.createdAt()),
                    Timestamp.from(o.createdAt()));
            return true;
        } catch (DuplicateKeyException known) {
            return false;
        }
    }

    @Override
    public Optional<PaidOrder> byId(String orderId) {
        return jdbc.query("SELECT * FROM host_order WHERE order_id = ?", ROW, orderId).stream()
                .findFirst();
    }

    @Override
    public Optional<PaidOrder> lockById(String orderId) {
        return jdbc.query("SELECT * FROM host_order WHERE order_id = ? FOR UPDATE", ROW, orderId).stream()
                .findFirst();
    }

    @Override
    public void update(PaidOrder o) {
        jdbc.update(
                "UPDATE host_order SET referral_id = ?, campaign_id = ?, outcome = ?, qualifying_nth = ?, "
                        + "cashback_fen = ?, refunded_fen = ?, updated_at = ? WHERE order_id = ?",
                o.referralId(),
                o.campaignId(),
                o.outcome().name(),
                o.qualifyingNth(),
                o.cashbackFen(),
                o.refundedFen(),
                Timestamp.from(clock.instant()),
                o.orderId());
    }

    @Override
    public List<PaidOrder> lockNotInviteeOfBuyer(String buyerUserId) {
        return jdbc.query(
                "SELECT * FROM host_order WHERE buyer_user_id = ? AND outcome = 'NOT_INVITEE' "
                        + "ORDER BY paid_at, order_id FOR UPDATE",
                ROW,
                buyerUserId);
    }

    private static PaidOrder map(ResultSet rs, int i) throws SQLException {
        return new PaidOrder(
                rs.getString("order_id"),
                rs.getString("buyer_user_id"),
                rs.getLong("amount_fen"),
                rs.getTimestamp("paid_at").toInstant(),
                rs.getObject("referral_id", Long.class),
                rs.getObject("campaign_id", Long.class),
                OrderOutcome.valueOf(rs.getString("outcome")),
                rs.getObject("qualifying_nth", Integer.class),
                rs.getLong("cashback_fen"),
                rs.getLong("refunded_fen"),
                rs.getString("source_event_id"),
                rs.getTimestamp("created_at").toInstant());
    }
}
