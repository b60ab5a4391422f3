package io.laxin.antifraud.analysis.infra;

import io.laxin.antifraud.analysis.domain.AnalysisInputs;
import io.laxin.antifraud.analysis.domain.InviteeOrders;
import io.laxin.antifraud.analysis.domain.ScreenedReferral;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class JdbcAnalysisInputs implements AnalysisInputs {

    private final JdbcTemplate jdbc;

    JdbcAnalysisInputs(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<ScreenedReferral> screenedSince(Instant since) {
        return jdbc.query(
                "SELECT id, campaign_id, referrer_user_id, invitee_user_id, invitee_device_id, subnet24, "
                        + "verdict, registered_at FROM screening WHERE registered_at >= ? ORDER BY registered_at, id",
                (rs, i) -> new ScreenedReferral(
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getTimestamp(8).toInstant()),
                Timestamp.from(since));
    }

    @Override
    public List<InviteeOrders> inviteesWithOrders(Instant from, Instant to, Collection<Long> campaignIds) {
        List<Object> args =
                new ArrayList<>(List.of(InviteeOrders.ORDER_ACTIVITY, Timestamp.from(from), Timestamp.from(to)));
        String inCampaigns = "";
        if (campaignIds != null) {
            if (campaignIds.isEmpty()) {
                return List.of();
            }
            inCampaigns =
                    " AND s.campaign_id IN (" + String.join(",", Collections.nCopies(campaignIds.size(), "?")) + ")";
            args.addAll(campaignIds);
        }
        return jdbc.query(
                "SELECT s.id, s.campaign_id, s.referrer_user_id, s.invitee_user_id, s.registered_at, "
                        + "(SELECT COUNT(*) FROM risk_activity a WHERE a.user_id = s.invitee_user_id AND a.kind = ?) "
                        + "FROM screening s WHERE s.registered_at >= ? AND s.registered_at <= ? "
                        + "AND s.verdict <> 'REJECT'" + inCampaigns + " ORDER BY s.registered_at, s.id",
                (rs, i) -> new InviteeOrders(
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant(),
                        rs.getLong(6)),
                args.toArray());
    }

    @Override
    public Set<String> activeSince(Collection<String> userIds, Instant since) {
        Set<String> active = new HashSet<>();
        List<String> ids = new ArrayList<>(userIds);
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
            List<Object> args = new ArrayList<>(chunk);
            args.add(Timestamp.from(since));
            active.addAll(jdbc.queryForList(
                    "SELECT DISTINCT user_id FROM risk_activity WHERE user_id IN (" + marks + ") AND occurred_at >= ?",
                    String.class,
                    args.toArray()));
        }
        return active;
    }

    @Override
    public boolean recordActivity(String userId, String kind, Instant occurredAt, Long campaignId, Instant reportedAt) {
        try {
            return jdbc.update(
                            "INSERT INTO risk_activity (user_id, kind, occurred_at, campaign_id, reported_at) "
                                    + "VALUES (?, ?, ?, ?, ?)",
                            userId,
                            kind,
                            Timestamp.from(occurredAt),
                            campaignId,
                            Timestamp.from(reportedAt))
                    == 1;
        } catch (DuplicateKeyException retry) {
            return false;
        }
    }
}
