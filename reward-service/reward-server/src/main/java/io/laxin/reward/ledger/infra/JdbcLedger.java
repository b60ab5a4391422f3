package io.laxin.reward.ledger.infra;

import io.laxin.reward.ledger.domain.Account;
import io.laxin.reward.ledger.domain.Ledger;
import io.laxin.reward.ledger.domain.Posting;
import io.laxin.reward.ledger.domain.Unit;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger on MySQL: one row per line, insert-only (no code path updates or deletes an entry). It appends only in
 * the use case's transaction ({@code MANDATORY}: called outside one it throws {@code IllegalTransactionStateException}
 * and writes nothing), so a posting commits or rolls back with the move it records.
 */
@Repository
class JdbcLedger implements Ledger {

    private final JdbcTemplate jdbc;

    JdbcLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static final String INSERT = "INSERT INTO ledger_entry (posting_id, line_no, posting_type, account, "
            + "campaign_id, user_id, reward_id, reference, unit, amount, created_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final int BATCH = 1000;

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean post(Posting p) {
        Long already =
                jdbc.queryForObject("SELECT COUNT(*) FROM ledger_entry WHERE posting_id = ?", Long.class, p.id());
        if (already != null && already > 0) {
            return false;
        }
        // a concurrent twin of this posting fails here on uk_ledger_posting_line and rolls its transaction back
        jdbc.batchUpdate(INSERT, rows(p));
        return true;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void postAll(List<Posting> postings) {
        List<Object[]> rows = new ArrayList<>();
        for (Posting p : postings) {
            rows.addAll(rows(p));
            if (rows.size() >= BATCH) {
                jdbc.batchUpdate(INSERT, rows);
                rows.clear();
            }
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(INSERT, rows);
        }
    }

    private static List<Object[]> rows(Posting p) {
        List<Object[]> rows = new ArrayList<>(p.lines().size());
        for (int i = 0; i < p.lines().size(); i++) {
            Posting.Line l = p.lines().get(i);
            rows.add(new Object[] {
                p.id(),
                i + 1,
                p.type().name(),
                l.account().name(),
                p.campaignId(),
                l.userId(),
                l.rewardId(),
                p.reference(),
                l.unit().name(),
                l.amount(),
                Timestamp.from(p.at())
            });
        }
        return rows;
    }

    @Override
    public long balance(Account account, String userId, Unit unit) {
        Long sum = jdbc.queryForObject(
                "SELECT COALESCE(SUM(amount), 0) FROM ledger_entry " + "WHERE account = ? AND user_id = ? AND unit = ?",
                Long.class,
                account.name(),
                userId,
                unit.name());
        return sum == null ? 0 : sum;
    }
}
