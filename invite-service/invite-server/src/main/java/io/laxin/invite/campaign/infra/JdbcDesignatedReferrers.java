package io.laxin.invite.campaign.infra;

import io.laxin.invite.campaign.domain.DesignatedReferrers;
import io.laxin.invite.shared.UtcTimes;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * {@code designated_referrer}, keyed by (campaign, user). A bulk add is one multi-row {@code INSERT IGNORE} (users
 * already listed keep their first entry), a bulk remove one {@code DELETE … IN}, so the counts are exact.
 */
@Repository
class JdbcDesignatedReferrers implements DesignatedReferrers {

    private final JdbcTemplate jdbc;

    JdbcDesignatedReferrers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int add(long campaignId, List<String> userIds, String addedBy, Instant at) {
        if (userIds.isEmpty()) {
            return 0;
        }
        List<Object> args = new ArrayList<>();
        for (String userId : userIds) {
            args.addAll(List.of(campaignId, userId, Timestamp.valueOf(UtcTimes.toRow(at)), addedBy));
        }
        return jdbc.update(
                "INSERT IGNORE INTO designated_referrer (campaign_id, user_id, added_at, added_by) VALUES "
                        + String.join(", ", Collections.nCopies(userIds.size(), "(?, ?, ?, ?)")),
                args.toArray());
    }

    @Override
    public int remove(long campaignId, List<String> userIds) {
        if (userIds.isEmpty()) {
            return 0;
        }
        List<Object> args = new ArrayList<>();
        args.add(campaignId);
        args.addAll(userIds);
        return jdbc.update(
                "DELETE FROM designated_referrer WHERE campaign_id = ? AND user_id IN ("
                        + String.join(", ", Collections.nCopies(userIds.size(), "?")) + ")",
                args.toArray());
    }

    @Override
    public boolean contains(long campaignId, String userId) {
        return !jdbc.queryForList(
                        "SELECT 1 FROM designated_referrer WHERE campaign_id = ? AND user_id = ?",
                        Integer.class,
                        campaignId,
                        userId)
                .isEmpty();
    }

    @Override
    public Page page(long campaignId, int page, int size) {
        List<Designated> items = jdbc.query(
                "SELECT user_id, added_at, added_by FROM designated_referrer "
                        + "WHERE campaign_id = ? ORDER BY added_at, user_id LIMIT ? OFFSET ?",
                (rs, i) -> new Designated(
                        rs.getString(1), UtcTimes.fromRow(rs.getTimestamp(2).toLocalDateTime()), rs.getString(3)),
                campaignId,
                size,
                (long) page * size);
        Long total = jdbc.queryForObject(
                "SELECT COUNT(*) FROM designated_referrer WHERE campaign_id = ?", Long.class, campaignId);
        return new Page(items, total == null ? 0 : total, page, size);
    }
}
