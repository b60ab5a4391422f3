package io.laxin.invite.referral.infra;

import static io.laxin.invite.shared.UtcTimes.fromRow;
import static io.laxin.invite.shared.UtcTimes.toRow;

import io.laxin.invite.referral.domain.HeldScreenings;
import io.laxin.invite.referral.domain.RiskScreening;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Held screenings in {@code screening_retry}, the request as JSON; claims are conditional updates (no lock held). */
@Repository
class JdbcHeldScreenings implements HeldScreenings {

    private static final int MAX_ERROR = 500;

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    JdbcHeldScreenings(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void hold(long referralId, RiskScreening.Request request, Instant at) {
        jdbc.update(
                "INSERT INTO screening_retry (referral_id, request, attempts, next_attempt_at, created_at) "
                        + "VALUES (?, ?, 0, ?, ?)",
                referralId,
                json.writeValueAsString(request),
                toRow(at),
                toRow(at));
    }

    @Override
    public List<Held> due(Instant now, int limit) {
        return jdbc.query(
                "SELECT referral_id, request, attempts, next_attempt_at FROM screening_retry "
                        + "WHERE next_attempt_at <= ? ORDER BY next_attempt_at, referral_id LIMIT ?",
                (rs, i) -> new Held(
                        rs.getLong("referral_id"),
                        json.readValue(rs.getString("request"), RiskScreening.Request.class),
                        rs.getInt("attempts"),
                        fromRow(rs.getTimestamp("next_attempt_at").toLocalDateTime())),
                toRow(now),
                limit);
    }

    @Override
    public boolean claim(long referralId, Instant dueAt, Instant leaseUntil) {
        return jdbc.update(
                        "UPDATE screening_retry SET next_attempt_at = ?, attempts = attempts + 1 "
                                + "WHERE referral_id = ? AND next_attempt_at = ?",
                        toRow(leaseUntil),
                        referralId,
                        toRow(dueAt))
                == 1;
    }

    @Override
    public void later(long referralId, Instant next, String error) {
        jdbc.update(
                "UPDATE screening_retry SET next_attempt_at = ?, last_error = ? WHERE referral_id = ?",
                toRow(next),
                error == null ? null : error.substring(0, Math.min(error.length(), MAX_ERROR)),
                referralId);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void answered(long referralId) {
        jdbc.update("DELETE FROM screening_retry WHERE referral_id = ?", referralId);
    }
}
