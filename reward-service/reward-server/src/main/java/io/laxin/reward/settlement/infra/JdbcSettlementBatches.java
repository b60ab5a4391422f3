package io.laxin.reward.settlement.infra;

import io.laxin.reward.settlement.domain.BatchState;
import io.laxin.reward.settlement.domain.Period;
import io.laxin.reward.settlement.domain.SettlementBatch;
import io.laxin.reward.settlement.domain.SettlementBatches;
import io.laxin.reward.settlement.domain.Transition;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Settlement batches on MySQL; state changes are {@code UPDATE ... WHERE state IN (...)}. */
@Repository
class JdbcSettlementBatches implements SettlementBatches {

    private static final RowMapper<SettlementBatch> ROW = JdbcSettlementBatches::map;

    private final JdbcTemplate jdbc;

    JdbcSettlementBatches(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long add(long campaignId, Period period, long minPayoutFen, String createdBy, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(
                con -> {
                    PreparedStatement ps = con.prepareStatement(
                            "INSERT INTO settlement_batch (campaign_id, period_from, "
                                    + "period_to, min_payout_fen, state, created_by, created_at, updated_at) "
                                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                            Statement.RETURN_GENERATED_KEYS);
                    ps.setLong(1, campaignId);
                    ps.setTimestamp(2, Timestamp.from(period.from()));
                    ps.setTimestamp(3, Timestamp.from(period.to()));
                    ps.setLong(4, minPayoutFen);
                    ps.setString(5, BatchState.COLLECTING.name());
                    ps.setString(6, createdBy);
                    ps.setTimestamp(7, Timestamp.from(at));
                    ps.setTimestamp(8, Timestamp.from(at));
                    return ps;
                },
                key);
        return key.getKey().longValue();
    }

    @Override
    public void attachRun(long batchId, long jobRunId) {
        jdbc.update("UPDATE settlement_batch SET job_run_id = ? WHERE id = ?", jobRunId, batchId);
    }

    @Override
    public Optional<SettlementBatch> byId(long id) {
        return jdbc.query("SELECT * FROM settlement_batch WHERE id = ?", ROW, id).stream()
                .findFirst();
    }

    @Override
    public List<SettlementBatch> list(Long campaignId, int offset, int limit) {
        if (campaignId == null) {
            return jdbc.query("SELECT * FROM settlement_batch ORDER BY id DESC LIMIT ? OFFSET ?", ROW, limit, offset);
        }
        return jdbc.query(
                "SELECT * FROM settlement_batch WHERE campaign_id = ? ORDER BY id DESC LIMIT ? OFFSET ?",
                ROW,
                campaignId,
                limit,
                offset);
    }

    @Override
    public boolean collected(long batchId, long carriedOverUsers, Instant at) {
        return jdbc.update(
                        "UPDATE settlement_batch SET state = 'DRAFT', carried_over_users = ?, "
                                + "line_count = (SELECT COUNT(*) FROM settlement_line l WHERE l.batch_id = ?), "
                                + "total_fen = (SELECT COALESCE(SUM(l.amount_fen), 0) FROM settlement_line l WHERE l.batch_id = ?), "
                                + "reward_count = (SELECT COALESCE(SUM(l.reward_count), 0) FROM settlement_line l WHERE l.batch_id = ?), "
                                + "updated_at = ? WHERE id = ? AND state = 'COLLECTING'",
                        carriedOverUsers,
                        batchId,
                        batchId,
                        batchId,
                        Timestamp.from(at),
                        batchId)
                == 1;
    }

    @Override
    public List<Long> collectingQuietSince(Instant quietSince) {
        return jdbc.queryForList(
                "SELECT b.id FROM settlement_batch b LEFT JOIN job_run j ON j.id = b.job_run_id "
                        + "WHERE b.state = 'COLLECTING' AND COALESCE(j.updated_at, b.created_at) < ? ORDER BY b.id",
                Long.class,
                Timestamp.from(quietSince));
    }

    @Override
    public boolean failed(long batchId, String reason, Instant at) {
        return jdbc.update(
                        "UPDATE settlement_batch SET state = 'FAILED', note = ?, updated_at = ? "
                                + "WHERE id = ? AND state = 'COLLECTING'",
                        reason,
                        Timestamp.from(at),
                        batchId)
                == 1;
    }

    @Override
    public boolean move(long batchId, Transition move, String actor, String note, Instant at) {
        String who = switch (move) {
            case SUBMIT -> "submitted";
            case APPROVE -> "approved";
            case REJECT -> "rejected";
            case CONFIRM_PAYOUT -> "paid";
        };
        String from = move.from().stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));
        // four eyes, also against a submit racing this approval
        String notSubmitter = move == Transition.APPROVE ? " AND submitted_by <> ?" : "";
        Timestamp now = Timestamp.from(at);
        String sql = "UPDATE settlement_batch SET state = ?, " + who + "_by = ?, " + who + "_at = ?, "
                + "note = COALESCE(?, note), updated_at = ? WHERE id = ? AND state IN (" + from + ")" + notSubmitter;
        Object[] args = move == Transition.APPROVE
                ? new Object[] {move.to().name(), actor, now, note, now, batchId, actor}
                : new Object[] {move.to().name(), actor, now, note, now, batchId};
        return jdbc.update(sql, args) == 1;
    }

    private static SettlementBatch map(ResultSet rs, int i) throws SQLException {
        return new SettlementBatch(
                rs.getLong("id"),
                rs.getLong("campaign_id"),
                new Period(instant(rs, "period_from"), instant(rs, "period_to")),
                rs.getLong("min_payout_fen"),
                BatchState.valueOf(rs.getString("state")),
                rs.getLong("line_count"),
                rs.getLong("total_fen"),
                rs.getLong("reward_count"),
                rs.getLong("carried_over_users"),
                rs.getObject("job_run_id", Long.class),
                rs.getString("note"),
                rs.getString("created_by"),
                instant(rs, "created_at"),
                rs.getString("submitted_by"),
                instant(rs, "submitted_at"),
                rs.getString("approved_by"),
                instant(rs, "approved_at"),
                rs.getString("rejected_by"),
                instant(rs, "rejected_at"),
                rs.getString("paid_by"),
                instant(rs, "paid_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
