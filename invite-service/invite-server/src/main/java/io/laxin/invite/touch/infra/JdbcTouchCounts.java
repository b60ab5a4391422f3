package io.laxin.invite.touch.infra;

import io.laxin.invite.touch.domain.FlushedTouchCounts;
import io.laxin.invite.touch.domain.TouchCounts;
import java.sql.Date;
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
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Touch counts on MySQL: {@code touch_count} by campaign, day and channel; {@code touch_flush} the batches applied. */
@Repository
class JdbcTouchCounts implements FlushedTouchCounts {

    private static final String ADD = "UPDATE touch_count SET raw_count = raw_count + ?, "
            + "unique_count = unique_count + ? WHERE campaign_id = ? AND count_day = ? AND channel = ?";

    private final JdbcTemplate jdbc;

    JdbcTouchCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean add(long campaignId, String token, List<TouchCounts.Row> rows, Instant at) {
        try {
            jdbc.update(
                    "INSERT INTO touch_flush (token, campaign_id, flushed_at) VALUES (?, ?, ?)",
                    token,
                    campaignId,
                    Timestamp.from(at));
        } catch (DuplicateKeyException alreadyApplied) {
            return false;
        }
        rows.forEach(row -> upsert(campaignId, row));
        return true;
    }

    private void upsert(long campaignId, TouchCounts.Row row) {
        Date day = Date.valueOf(row.day());
        if (jdbc.update(ADD, row.raw(), row.unique(), campaignId, day, row.channel()) == 0) {
            try {
                jdbc.update(
                        "INSERT INTO touch_count (campaign_id, count_day, channel, raw_count, unique_count) "
                                + "VALUES (?, ?, ?, ?, ?)",
                        campaignId,
                        day,
                        row.channel(),
                        row.raw(),
                        row.unique());
            } catch (DuplicateKeyException raced) {
                jdbc.update(ADD, row.raw(), row.unique(), campaignId, day, row.channel());
            }
        }
    }

    /**
     * One statement, so one snapshot without a transaction: a batch applied between reading the counts and reading
     * the tokens would otherwise be counted twice or not at all.
     */
    @Override
    public Snapshot read(long campaignId, Collection<String> tokens) {
        List<Object> args = new ArrayList<>();
        args.add(campaignId);
        String sql = "SELECT count_day, channel, raw_count, unique_count, CAST(NULL AS CHAR(64)) AS token "
                + "FROM touch_count WHERE campaign_id = ?";
        if (!tokens.isEmpty()) {
            sql += " UNION ALL SELECT NULL, NULL, 0, 0, token FROM touch_flush WHERE token IN ("
                    + String.join(",", Collections.nCopies(tokens.size(), "?")) + ")";
            args.addAll(tokens);
        }
        List<TouchCounts.Row> rows = new ArrayList<>();
        Set<String> applied = new HashSet<>();
        jdbc.query(
                sql,
                rs -> {
                    String token = rs.getString(5);
                    if (token != null) {
                        applied.add(token);
                    } else {
                        rows.add(new TouchCounts.Row(
                                rs.getDate(1).toLocalDate(), rs.getString(2), rs.getLong(3), rs.getLong(4)));
                    }
                },
                args.toArray());
        return new Snapshot(rows, applied);
    }
}
