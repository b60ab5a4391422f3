package io.laxin.reward.report.infra;

import io.laxin.reward.report.domain.Budget;
import io.laxin.reward.report.domain.ByKind;
import io.laxin.reward.report.domain.Movement;
import io.laxin.reward.report.domain.ReasonLine;
import io.laxin.reward.report.domain.ReferrerLine;
import io.laxin.reward.report.domain.ReportPeriod;
import io.laxin.reward.report.domain.RewardFigures;
import io.laxin.reward.report.domain.Tally;
import io.laxin.reward.reward.domain.RewardKind;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The report's figures as SQL aggregates over {@code reward}, {@code attribution} and {@code campaign_budget}:
 * conditional sums grouped by kind, so a period of a million rewards is a few scans, not a million rows in memory.
 */
@Repository
class JdbcRewardFigures implements RewardFigures {

    private static final String GRANTED = "status NOT IN ('REFUSED', 'REVOKED')";

    private final NamedParameterJdbcTemplate jdbc;

    JdbcRewardFigures(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Movement, ByKind> movements(ReportPeriod p) {
        Map<Movement, Tallied> when = new LinkedHashMap<>();
        when.put(
                Movement.ISSUED,
                new Tallied("source <> 'ADJUSTMENT' AND status <> 'REFUSED' AND " + in("created_at"), "issued_amount"));
        when.put(Movement.RELEASED, new Tallied("source <> 'ADJUSTMENT' AND " + in("released_at"), "amount"));
        when.put(Movement.REVOKED, new Tallied("status = 'REVOKED' AND " + in("revoked_at"), "issued_amount"));
        when.put(Movement.CLAWED_BACK, new Tallied("source = 'ADJUSTMENT' AND " + in("created_at"), "amount"));
        when.put(Movement.PAID, new Tallied("status = 'PAID' AND " + in("paid_at"), "amount"));
        StringBuilder sql = new StringBuilder("SELECT kind");
        when.values()
                .forEach(t -> sql.append(", SUM(CASE WHEN ")
                        .append(t.when())
                        .append(" THEN 1 ELSE 0 END), ")
                        .append("SUM(CASE WHEN ")
                        .append(t.when())
                        .append(" THEN ")
                        .append(t.amount())
                        .append(" ELSE 0 END)"));
        sql.append(" FROM reward WHERE (")
                .append(in("created_at"))
                .append(" OR ")
                .append(in("released_at"))
                .append(" OR ")
                .append(in("revoked_at"))
                .append(" OR ")
                .append(in("paid_at"))
                .append(")")
                .append(campaign(p))
                .append(" GROUP BY kind");
        Map<Movement, ByKind> result = new EnumMap<>(Movement.class);
        when.keySet().forEach(m -> result.put(m, ByKind.NONE));
        jdbc.query(sql.toString(), params(p), rs -> {
            RewardKind kind = RewardKind.valueOf(rs.getString(1));
            int col = 2;
            for (Movement m : when.keySet()) {
                result.put(m, result.get(m).plus(kind, new Tally(rs.getLong(col), rs.getLong(col + 1))));
                col += 2;
            }
        });
        return result;
    }

    @Override
    public ByKind standing(ReportPeriod p) {
        ByKind[] result = {ByKind.NONE};
        jdbc.query(
                "SELECT kind, COUNT(*), COALESCE(SUM(amount), 0) FROM reward WHERE " + GRANTED + " AND "
                        + in("created_at") + campaign(p) + " GROUP BY kind",
                params(p),
                rs -> {
                    result[0] = result[0].plus(
                            RewardKind.valueOf(rs.getString(1)), new Tally(rs.getLong(2), rs.getLong(3)));
                });
        return result[0];
    }

    @Override
    public long attributedInvitees(ReportPeriod p) {
        Long n = jdbc.queryForObject(
                "SELECT COUNT(DISTINCT invitee_user_id) FROM attribution WHERE status = 'ACTIVE' " + "AND "
                        + in("attributed_at") + campaign(p),
                params(p),
                Long.class);
        return n == null ? 0 : n;
    }

    @Override
    public Budget budget(Long campaignId) {
        return jdbc.queryForObject(
                "SELECT COUNT(*), SUM(CASE WHEN budget_fen IS NULL THEN 1 ELSE 0 END), "
                        + "COALESCE(SUM(budget_fen), 0), COALESCE(SUM(used_fen), 0) FROM campaign_budget"
                        + (campaignId == null ? "" : " WHERE campaign_id = :campaign"),
                new MapSqlParameterSource("campaign", campaignId),
                (rs, i) -> {
                    boolean unlimited = rs.getLong(1) == 0 || rs.getLong(2) > 0;
                    return Budget.of(unlimited ? null : rs.getLong(3), rs.getLong(4));
                });
    }

    @Override
    public List<ReferrerLine> topReferrers(ReportPeriod p, ReferrerRanking ranking, int limit) {
        String invitees = "COUNT(DISTINCT CASE WHEN source = 'REFERRAL' THEN referral_id END)";
        String cash = "COALESCE(SUM(CASE WHEN kind = 'CASH' THEN amount ELSE 0 END), 0)";
        String rank = ranking == ReferrerRanking.INVITEES ? invitees : cash;
        MapSqlParameterSource params = params(p).addValue("limit", limit);
        return jdbc.query(
                "SELECT user_id, " + invitees + ", " + cash + " FROM reward WHERE beneficiary = 'REFERRER' "
                        + "AND " + GRANTED + " AND " + in("created_at") + campaign(p) + " GROUP BY user_id HAVING "
                        + rank
                        + " > 0 ORDER BY " + rank + " DESC, user_id LIMIT :limit",
                params,
                (rs, i) -> new ReferrerLine(rs.getString(1), rs.getLong(2), rs.getLong(3)));
    }

    @Override
    public List<ReasonLine> refusedAndRevoked(ReportPeriod p) {
        Map<List<String>, ByKind> lines = new LinkedHashMap<>();
        jdbc.query(
                "SELECT status, COALESCE(status_reason, 'UNSPECIFIED') AS reason, kind, COUNT(*), "
                        + "COALESCE(SUM(issued_amount), 0) FROM reward WHERE ((status = 'REVOKED' AND "
                        + in("revoked_at")
                        + ") OR (status = 'REFUSED' AND " + in("created_at") + "))" + campaign(p)
                        + " GROUP BY status, COALESCE(status_reason, 'UNSPECIFIED'), kind ORDER BY status, reason, kind",
                params(p),
                rs -> {
                    lines.merge(
                            List.of(rs.getString(1), rs.getString(2)),
                            ByKind.NONE.plus(
                                    RewardKind.valueOf(rs.getString(3)), new Tally(rs.getLong(4), rs.getLong(5))),
                            ByKind::plus);
                });
        List<ReasonLine> result = new ArrayList<>();
        lines.forEach((k, v) -> result.add(new ReasonLine(k.get(0), k.get(1), v)));
        return result;
    }

    /** A movement's rows (a condition) and the column that says what each is worth. */
    private record Tallied(String when, String amount) {}

    private static String in(String column) {
        return "(" + column + " >= :from AND " + column + " < :to)";
    }

    private static String campaign(ReportPeriod p) {
        return p.campaignId() == null ? "" : " AND campaign_id = :campaign";
    }

    private static MapSqlParameterSource params(ReportPeriod p) {
        return new MapSqlParameterSource()
                .addValue("from", Timestamp.from(p.from()))
                .addValue("to", Timestamp.from(p.to()))
                .addValue("campaign", p.campaignId());
    }
}
