package io.laxin.reward.report.infra;

import io.laxin.reward.report.domain.DashboardFigures;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The dashboard's figures: two GROUP BY day queries (rewards, attributions) and one GROUP BY campaign (orders). */
@Repository
class JdbcDashboardFigures implements DashboardFigures {

    private final NamedParameterJdbcTemplate jdbc;

    JdbcDashboardFigures(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<DayFigures> days(Instant from, Instant to) {
        MapSqlParameterSource p =
                new MapSqlParameterSource("from", Timestamp.from(from)).addValue("to", Timestamp.from(to));
        Map<LocalDate, long[]> byDay = new TreeMap<>();
        jdbc.query(
                "SELECT CAST(created_at AS DATE) AS d, "
                        + "SUM(CASE WHEN status <> 'REFUSED' THEN 1 ELSE 0 END), "
                        + "COALESCE(SUM(CASE WHEN status NOT IN ('REFUSED', 'REVOKED') AND kind = 'CASH' THEN amount END), 0), "
                        + "COALESCE(SUM(CASE WHEN status NOT IN ('REFUSED', 'REVOKED') AND kind = 'POINTS' THEN amount END), 0) "
                        + "FROM reward WHERE source <> 'ADJUSTMENT' AND created_at >= :from AND created_at < :to "
                        + "GROUP BY CAST(created_at AS DATE)",
                p,
                rs -> {
                    long[] v = byDay.computeIfAbsent(rs.getObject(1, LocalDate.class), k -> new long[4]);
                    v[0] += rs.getLong(2);
                    v[1] += rs.getLong(3);
                    v[2] += rs.getLong(4);
                });
        // clawbacks of a day's rewards lower what that day's rewards still cost
        jdbc.query(
                "SELECT CAST(o.created_at AS DATE), COALESCE(SUM(a.amount), 0) FROM reward a "
                        + "JOIN reward o ON o.id = a.adjusts_reward_id WHERE a.source = 'ADJUSTMENT' AND a.kind = 'CASH' "
                        + "AND o.created_at >= :from AND o.created_at < :to GROUP BY CAST(o.created_at AS DATE)",
                p,
                rs -> {
                    byDay.computeIfAbsent(rs.getObject(1, LocalDate.class), k -> new long[4])[1] += rs.getLong(2);
                });
        jdbc.query(
                "SELECT CAST(attributed_at AS DATE), COUNT(DISTINCT invitee_user_id) FROM attribution "
                        + "WHERE status = 'ACTIVE' AND attributed_at >= :from AND attributed_at < :to "
                        + "GROUP BY CAST(attributed_at AS DATE)",
                p,
                rs -> {
                    byDay.computeIfAbsent(rs.getObject(1, LocalDate.class), k -> new long[4])[3] += rs.getLong(2);
                });
        return byDay.entrySet().stream()
                .map(e ->
                        new DayFigures(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3]))
                .toList();
    }

    @Override
    public List<CampaignOrderFigures> inviteeOrders() {
        return jdbc.query(
                "SELECT campaign_id, COUNT(DISTINCT buyer_user_id), COUNT(*), "
                        + "COALESCE(SUM(amount_fen - refunded_fen), 0) FROM host_order "
                        + "WHERE campaign_id IS NOT NULL AND outcome NOT IN ('NOT_INVITEE', 'ATTRIBUTION_REVOKED') "
                        + "GROUP BY campaign_id ORDER BY campaign_id",
                new MapSqlParameterSource(),
                (rs, i) -> new CampaignOrderFigures(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
    }
}
