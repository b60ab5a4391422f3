package io.laxin.webhook.delivery.infra;

import io.laxin.webhook.delivery.domain.Attempt;
import io.laxin.webhook.delivery.domain.Claim;
import io.laxin.webhook.delivery.domain.Deliveries;
import io.laxin.webhook.delivery.domain.Delivery;
import io.laxin.webhook.delivery.domain.DeliveryStatus;
import io.laxin.webhook.delivery.domain.WebhookEvent;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Repository
public class JdbcDeliveries implements Deliveries {

    private static final String COLUMNS = "id, endpoint_id, event_id, event_type, status, attempts, next_attempt_at, "
            + "last_response_code, last_error, created_at, delivered_at";

    private final JdbcTemplate jdbc;

    public JdbcDeliveries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void storeEvent(WebhookEvent event, Instant now) {
        jdbc.update(
                "INSERT INTO webhook_event (event_id, event_type, occurred_at, body, received_at) "
                        + "VALUES (?, ?, ?, ?, ?)",
                event.id(),
                event.type(),
                Timestamp.from(event.occurredAt()),
                event.body(),
                Timestamp.from(now));
    }

    @Override
    public Optional<Long> create(long endpointId, WebhookEvent event, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        try {
            jdbc.update(
                    con -> {
                        PreparedStatement ps = con.prepareStatement(
                                "INSERT INTO webhook_delivery (endpoint_id, event_id, "
                                        + "event_type, status, attempts, round_attempts, next_attempt_at, created_at) "
                                        + "VALUES (?, ?, ?, 'PENDING', 0, 0, ?, ?)",
                                Statement.RETURN_GENERATED_KEYS);
                        ps.setLong(1, endpointId);
                        ps.setString(2, event.id());
                        ps.setString(3, event.type());
                        ps.setTimestamp(4, Timestamp.from(now));
                        ps.setTimestamp(5, Timestamp.from(now));
                        return ps;
                    },
                    keys);
        } catch (DuplicateKeyException alreadyQueued) {
            return Optional.empty();
        }
        return Optional.of(keys.getKey().longValue());
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Claim> claimDue(Instant now, Duration lease, int limit, String token) {
        Timestamp at = Timestamp.from(now);
        List<Long> ids = jdbc.queryForList(
                "SELECT id FROM webhook_delivery WHERE status = 'PENDING' "
                        + "AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until <= ?) "
                        + "AND endpoint_id IN (SELECT id FROM webhook_endpoint WHERE enabled = TRUE) "
                        + "ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED",
                Long.class,
                at,
                at,
                limit);
        if (ids.isEmpty()) {
            return List.of();
        }
        String in = String.join(",", Collections.nCopies(ids.size(), "?"));
        List<Object> args = new ArrayList<>(List.of(Timestamp.from(now.plus(lease)), token));
        args.addAll(ids);
        jdbc.update(
                "UPDATE webhook_delivery SET lease_until = ?, claim_token = ? WHERE id IN (" + in + ")",
                args.toArray());
        return jdbc.query(
                "SELECT d.id, d.endpoint_id, d.event_id, d.event_type, e.body, d.attempts, "
                        + "d.round_attempts, d.claim_token FROM webhook_delivery d JOIN webhook_event e "
                        + "ON e.event_id = d.event_id WHERE d.id IN (" + in + ") ORDER BY d.next_attempt_at, d.id",
                (rs, i) -> new Claim(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getInt(6),
                        rs.getInt(7),
                        rs.getString(8)),
                ids.toArray());
    }

    @Override
    public void release(Claim claim) {
        jdbc.update(
                "UPDATE webhook_delivery SET lease_until = NULL, claim_token = NULL WHERE id = ? "
                        + "AND claim_token = ?",
                claim.deliveryId(),
                claim.token());
    }

    @Override
    public void addAttempt(long deliveryId, Attempt a) {
        jdbc.update(
                "INSERT INTO webhook_attempt (delivery_id, attempt_no, attempted_at, latency_ms, response_code, "
                        + "response_body, error) VALUES (?, ?, ?, ?, ?, ?, ?)",
                deliveryId,
                a.number(),
                Timestamp.from(a.at()),
                a.latencyMs(),
                a.responseCode(),
                a.responseBody(),
                truncate(a.error()));
    }

    @Override
    public boolean markDelivered(Claim claim, Attempt a, Instant now) {
        return jdbc.update(
                        "UPDATE webhook_delivery SET status = 'DELIVERED', attempts = ?, "
                                + "round_attempts = round_attempts + 1, delivered_at = ?, last_response_code = ?, "
                                + "last_error = NULL, lease_until = NULL, claim_token = NULL WHERE id = ? AND claim_token = ?",
                        a.number(),
                        Timestamp.from(now),
                        a.responseCode(),
                        claim.deliveryId(),
                        claim.token())
                == 1;
    }

    @Override
    public boolean scheduleRetry(Claim claim, Attempt a, Instant nextAttemptAt) {
        return jdbc.update(
                        "UPDATE webhook_delivery SET attempts = ?, round_attempts = round_attempts + 1, "
                                + "next_attempt_at = ?, last_response_code = ?, last_error = ?, lease_until = NULL, "
                                + "claim_token = NULL WHERE id = ? AND claim_token = ?",
                        a.number(),
                        Timestamp.from(nextAttemptAt),
                        a.responseCode(),
                        truncate(a.summary()),
                        claim.deliveryId(),
                        claim.token())
                == 1;
    }

    @Override
    public boolean markDead(Claim claim, Attempt a) {
        return jdbc.update(
                        "UPDATE webhook_delivery SET status = 'DEAD', attempts = ?, "
                                + "round_attempts = round_attempts + 1, last_response_code = ?, last_error = ?, "
                                + "lease_until = NULL, claim_token = NULL WHERE id = ? AND claim_token = ?",
                        a.number(),
                        a.responseCode(),
                        truncate(a.summary()),
                        claim.deliveryId(),
                        claim.token())
                == 1;
    }

    @Override
    public void requeue(long deliveryId, Instant now) {
        jdbc.update(
                "UPDATE webhook_delivery SET status = 'PENDING', round_attempts = 0, next_attempt_at = ?, "
                        + "lease_until = NULL, claim_token = NULL WHERE id = ?",
                Timestamp.from(now),
                deliveryId);
    }

    @Override
    public Optional<Delivery> find(long deliveryId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM webhook_delivery WHERE id = ?", ROW, deliveryId).stream()
                .findFirst();
    }

    @Override
    public Optional<String> body(long deliveryId) {
        return jdbc
                .queryForList(
                        "SELECT e.body FROM webhook_delivery d JOIN webhook_event e ON e.event_id = "
                                + "d.event_id WHERE d.id = ?",
                        String.class,
                        deliveryId)
                .stream()
                .findFirst();
    }

    @Override
    public List<Attempt> attempts(long deliveryId) {
        return jdbc.query(
                "SELECT attempt_no, attempted_at, latency_ms, response_code, response_body, error "
                        + "FROM webhook_attempt WHERE delivery_id = ? ORDER BY attempt_no",
                (rs, i) -> new Attempt(
                        rs.getInt(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getLong(3),
                        (Integer) rs.getObject(4, Integer.class),
                        rs.getString(5),
                        rs.getString(6)),
                deliveryId);
    }

    @Override
    public Page byEndpoint(long endpointId, DeliveryStatus status, int page, int size) {
        String where = " FROM webhook_delivery WHERE endpoint_id = ?" + (status == null ? "" : " AND status = ?");
        Object[] args = status == null ? new Object[] {endpointId} : new Object[] {endpointId, status.name()};
        Long total = jdbc.queryForObject("SELECT COUNT(*)" + where, Long.class, args);
        List<Object> pageArgs = new ArrayList<>(List.of(args));
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<Delivery> items =
                jdbc.query("SELECT " + COLUMNS + where + " ORDER BY id DESC LIMIT ? OFFSET ?", ROW, pageArgs.toArray());
        return new Page(items, total == null ? 0 : total, page, size);
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 499) + "…";
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static final RowMapper<Delivery> ROW = (rs, i) -> new Delivery(
            rs.getLong("id"),
            rs.getLong("endpoint_id"),
            rs.getString("event_id"),
            rs.getString("event_type"),
            DeliveryStatus.valueOf(rs.getString("status")),
            rs.getInt("attempts"),
            instant(rs, "next_attempt_at"),
            (Integer) rs.getObject("last_response_code", Integer.class),
            rs.getString("last_error"),
            instant(rs, "created_at"),
            instant(rs, "delivered_at"));
}
