package io.laxin.reward.settlement.infra;

import io.laxin.reward.settlement.domain.StatementLine;
import io.laxin.reward.settlement.domain.StatementLines;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Statement lines on MySQL, made from the collected rewards by one INSERT ... SELECT per user range. */
@Repository
class JdbcStatementLines implements StatementLines {

    private static final RowMapper<StatementLine> ROW = (rs, i) -> new StatementLine(
            rs.getLong("id"),
            rs.getLong("batch_id"),
            rs.getString("user_id"),
            rs.getLong("amount_fen"),
            rs.getLong("reward_count"));

    private final JdbcTemplate jdbc;

    JdbcStatementLines(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int addFromCollectedRewards(long batchId, String afterUser, String lastUser, long minPayoutFen) {
        return jdbc.update(
                "INSERT INTO settlement_line (batch_id, user_id, amount_fen, reward_count) "
                        + "SELECT ?, user_id, SUM(amount), COUNT(*) FROM reward "
                        + "WHERE settlement_batch_id = ? AND user_id > ? AND user_id <= ? "
                        + "GROUP BY user_id HAVING SUM(amount) >= ? ORDER BY user_id",
                batchId,
                batchId,
                afterUser,
                lastUser,
                minPayoutFen);
    }

    @Override
    public List<StatementLine> after(long batchId, long afterLineId, int limit) {
        return jdbc.query(
                "SELECT * FROM settlement_line WHERE batch_id = ? AND id > ? ORDER BY id LIMIT ?",
                ROW,
                batchId,
                afterLineId,
                limit);
    }

    @Override
    public List<StatementLine> page(long batchId, int offset, int limit) {
        return jdbc.query(
                "SELECT * FROM settlement_line WHERE batch_id = ? ORDER BY id LIMIT ? OFFSET ?",
                ROW,
                batchId,
                limit,
                offset);
    }

    @Override
    public void removeAll(long batchId) {
        jdbc.update("DELETE FROM settlement_line WHERE batch_id = ?", batchId);
    }
}
