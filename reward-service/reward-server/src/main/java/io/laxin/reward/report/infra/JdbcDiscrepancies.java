package io.laxin.reward.report.infra;

import io.laxin.reward.report.domain.Discrepancies;
import io.laxin.reward.report.domain.Discrepancy.MispostedReward;
import io.laxin.reward.report.domain.Discrepancy.MispostedReward.Problem;
import io.laxin.reward.report.domain.Discrepancy.PayoutMismatch;
import io.laxin.reward.report.domain.Discrepancy.UnbalancedPosting;
import io.laxin.reward.report.domain.Discrepancy.UnbalancedUnit;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The reconciliation's queries: GROUP BY over {@code ledger_entry} and one join against {@code reward}, so the work
 * stays in the database however many rows there are; only discrepancies come back.
 */
@Repository
class JdbcDiscrepancies implements Discrepancies {

    private final NamedParameterJdbcTemplate jdbc;

    JdbcDiscrepancies(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<UnbalancedUnit> unbalancedUnits(Long campaignId) {
        return jdbc.query(
                "SELECT unit, SUM(amount) FROM ledger_entry" + where(campaignId, "")
                        + " GROUP BY unit HAVING SUM(amount) <> 0 ORDER BY unit",
                params(campaignId, 0),
                (rs, i) -> new UnbalancedUnit(rs.getString(1), rs.getLong(2)));
    }

    @Override
    public List<UnbalancedPosting> unbalancedPostings(Long campaignId, int limit) {
        List<UnbalancedPosting> postings = jdbc.query(
                "SELECT posting_id, unit, SUM(amount) FROM ledger_entry"
                        + where(campaignId, "") + " GROUP BY posting_id, unit HAVING SUM(amount) <> 0 "
                        + "ORDER BY posting_id, unit LIMIT :limit",
                params(campaignId, limit),
                (rs, i) -> new UnbalancedPosting(rs.getString(1), rs.getString(2), rs.getLong(3), List.of()));
        if (postings.isEmpty()) {
            return postings;
        }
        Map<String, List<UnbalancedPosting.Entry>> lines = new LinkedHashMap<>();
        postings.forEach(p -> lines.put(p.postingId() + "|" + p.unit(), new ArrayList<>()));
        jdbc.query(
                "SELECT id, posting_id, line_no, posting_type, account, reward_id, unit, amount FROM ledger_entry "
                        + "WHERE posting_id IN (:ids) ORDER BY posting_id, line_no",
                new MapSqlParameterSource(
                        "ids",
                        postings.stream()
                                .map(UnbalancedPosting::postingId)
                                .distinct()
                                .toList()),
                rs -> {
                    List<UnbalancedPosting.Entry> of =
                            lines.get(rs.getString("posting_id") + "|" + rs.getString("unit"));
                    if (of != null) {
                        of.add(new UnbalancedPosting.Entry(
                                rs.getLong("id"),
                                rs.getInt("line_no"),
                                rs.getString("posting_type"),
                                rs.getString("account"),
                                rs.getObject("reward_id", Long.class),
                                rs.getLong("amount")));
                    }
                });
        return postings.stream()
                .map(p -> p.withEntries(lines.get(p.postingId() + "|" + p.unit())))
                .toList();
    }

    @Override
    public List<MispostedReward> mispostedRewards(Long campaignId, int limit) {
        String released = "r.released_at IS NOT NULL AND r.status IN ('AVAILABLE', 'SETTLED', 'PAID') "
                + "AND r.source <> 'ADJUSTMENT'";
        String expected = "CASE WHEN r.status IN ('REVOKED', 'REFUSED') THEN 0 ELSE r.amount END";
        return jdbc.query(
                "SELECT r.id, r.campaign_id, r.user_id, r.status, r.source, r.kind, r.amount, "
                        + "CASE WHEN " + released + " THEN 1 ELSE 0 END AS released, " + expected + " AS expected, "
                        + "COALESCE(x.line_count, 0) AS line_count, COALESCE(x.expense, 0) AS expense, "
                        + "COALESCE(x.issues, 0) AS issues, COALESCE(x.clawbacks, 0) AS clawbacks, "
                        + "COALESCE(x.releases, 0) AS releases "
                        + "FROM reward r LEFT JOIN (SELECT reward_id, COUNT(*) AS line_count, "
                        + "SUM(CASE WHEN account = 'CAMPAIGN_EXPENSE' THEN amount ELSE 0 END) AS expense, "
                        + "SUM(CASE WHEN posting_type = 'ISSUE' THEN 1 ELSE 0 END) AS issues, "
                        + "SUM(CASE WHEN posting_type = 'CLAWBACK' THEN 1 ELSE 0 END) AS clawbacks, "
                        + "SUM(CASE WHEN posting_type = 'RELEASE' THEN 1 ELSE 0 END) AS releases "
                        + "FROM ledger_entry WHERE reward_id IS NOT NULL" + and(campaignId, "")
                        + " GROUP BY reward_id) x ON x.reward_id = r.id "
                        + "WHERE " + (campaignId == null ? "1 = 1" : "r.campaign_id = :campaign") + " AND ("
                        + "(r.status = 'REFUSED' AND x.reward_id IS NOT NULL) "
                        + "OR (r.status <> 'REFUSED' AND r.source <> 'ADJUSTMENT' AND COALESCE(x.issues, 0) = 0) "
                        + "OR (r.status <> 'REFUSED' AND r.source = 'ADJUSTMENT' AND COALESCE(x.clawbacks, 0) = 0) "
                        + "OR COALESCE(x.expense, 0) <> " + expected + " "
                        + "OR (" + released + " AND COALESCE(x.releases, 0) = 0)) ORDER BY r.id LIMIT :limit",
                params(campaignId, limit),
                (rs, i) -> misposted(rs));
    }

    private static MispostedReward misposted(ResultSet rs) throws java.sql.SQLException {
        String status = rs.getString("status");
        boolean adjustment = "ADJUSTMENT".equals(rs.getString("source"));
        List<Problem> problems = new ArrayList<>();
        if ("REFUSED".equals(status)) {
            problems.add(Problem.REFUSED_BUT_POSTED);
        } else if (adjustment && rs.getLong("clawbacks") == 0) {
            problems.add(Problem.NO_CLAWBACK_POSTING);
        } else if (!adjustment && rs.getLong("issues") == 0) {
            problems.add(Problem.NO_ISSUE_POSTING);
        }
        if (rs.getLong("expense") != rs.getLong("expected")) {
            problems.add(Problem.EXPENSE_MISMATCH);
        }
        if (rs.getInt("released") == 1 && rs.getLong("releases") == 0) {
            problems.add(Problem.NO_RELEASE_POSTING);
        }
        return new MispostedReward(
                rs.getLong("id"),
                rs.getLong("campaign_id"),
                rs.getString("user_id"),
                status,
                rs.getString("source"),
                rs.getString("kind"),
                rs.getLong("amount"),
                problems,
                rs.getLong("expected"),
                rs.getLong("expense"),
                rs.getLong("line_count"));
    }

    @Override
    public List<PayoutMismatch> mismatchedPayoutLines(Long campaignId, int limit) {
        return jdbc.query(
                "SELECT l.id, l.batch_id, l.user_id, l.amount_fen, COALESCE(SUM(r.amount), 0) AS paid "
                        + "FROM settlement_line l JOIN settlement_batch b ON b.id = l.batch_id "
                        + "LEFT JOIN reward r ON r.settlement_batch_id = l.batch_id AND r.user_id = l.user_id "
                        + "AND r.status = 'PAID' AND r.kind = 'CASH' "
                        + "WHERE b.state = 'PAID'" + and(campaignId, "b.")
                        + " GROUP BY l.id, l.batch_id, l.user_id, l.amount_fen "
                        + "HAVING l.amount_fen <> COALESCE(SUM(r.amount), 0) ORDER BY l.id LIMIT :limit",
                params(campaignId, limit),
                (rs, i) -> new PayoutMismatch(
                        rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getLong(5)));
    }

    private static String where(Long campaignId, String alias) {
        return campaignId == null ? "" : " WHERE " + alias + "campaign_id = :campaign";
    }

    private static String and(Long campaignId, String alias) {
        return campaignId == null ? "" : " AND " + alias + "campaign_id = :campaign";
    }

    private static MapSqlParameterSource params(Long campaignId, int limit) {
        return new MapSqlParameterSource().addValue("campaign", campaignId).addValue("limit", limit);
    }
}
