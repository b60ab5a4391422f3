package io.laxin.kernel.messaging;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** {@link ParkedMessages} on the service's own database. */
public class JdbcParkedMessages implements ParkedMessages {

    private static final String COLUMNS = "id, consumer, topic, tags, message_keys, msg_id, event_id, body, reason, "
            + "attempts, parked_at, replayed_at, replay_outcome";
    private static final RowMapper<ParkedMessage> ROW = (rs, n) -> new ParkedMessage(
            rs.getLong("id"),
            rs.getString("consumer"),
            rs.getString("topic"),
            rs.getString("tags"),
            rs.getString("message_keys"),
            rs.getString("msg_id"),
            rs.getString("event_id"),
            rs.getString("body"),
            rs.getString("reason"),
            rs.getInt("attempts"),
            rs.getTimestamp("parked_at").toInstant(),
            rs.getTimestamp("replayed_at") == null
                    ? null
                    : rs.getTimestamp("replayed_at").toInstant(),
            rs.getString("replay_outcome"));

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public JdbcParkedMessages(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public long park(ParkedMessage.Parking p) {
        Timestamp now = Timestamp.from(clock.instant());
        Object[] values = {
            p.consumer(),
            cut(p.topic(), 128),
            cut(p.tags(), 128),
            cut(p.keys(), 255),
            cut(p.msgId(), 128),
            p.eventId(),
            p.body(),
            p.reason(),
            p.attempts(),
            now
        };
        KeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.update(
                    c -> {
                        PreparedStatement s = c.prepareStatement(
                                "INSERT INTO parked_message (consumer, topic, tags, "
                                        + "message_keys, msg_id, event_id, body, reason, attempts, parked_at) "
                                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                new String[] {"id"});
                        for (int i = 0; i < values.length; i++) {
                            s.setObject(i + 1, values[i]);
                        }
                        return s;
                    },
                    key);
        } catch (DuplicateKeyException again) {
            // parked before, and its acknowledgement was lost: the row takes the latest reason and is parked again
            jdbc.update(
                    "UPDATE parked_message SET reason = ?, attempts = ?, parked_at = ?, replayed_at = NULL, "
                            + "replay_outcome = NULL WHERE consumer = ? AND msg_id = ?",
                    p.reason(),
                    p.attempts(),
                    now,
                    p.consumer(),
                    cut(p.msgId(), 128));
            Long id = jdbc.queryForObject(
                    "SELECT id FROM parked_message WHERE consumer = ? AND msg_id = ?",
                    Long.class,
                    p.consumer(),
                    cut(p.msgId(), 128));
            return id == null ? 0 : id;
        }
        return key.getKey() == null ? 0 : key.getKey().longValue();
    }

    @Override
    public Optional<ParkedMessage> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM parked_message WHERE id = ?", ROW, id).stream()
                .findFirst();
    }

    @Override
    public Page page(String consumer, ParkedMessage.State state, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (consumer != null) {
            where.append(" AND consumer = ?");
            args.add(consumer);
        }
        if (state != null) {
            where.append(
                    state == ParkedMessage.State.PARKED ? " AND replayed_at IS NULL" : " AND replayed_at IS NOT NULL");
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM parked_message" + where, Long.class, args.toArray());
        List<Object> paged = new ArrayList<>(args);
        paged.add(size);
        paged.add((long) page * size);
        List<ParkedMessage> items = jdbc.query(
                "SELECT " + COLUMNS + " FROM parked_message" + where + " ORDER BY id DESC LIMIT ? OFFSET ?",
                ROW,
                paged.toArray());
        return new Page(items, total == null ? 0 : total, page, size);
    }

    @Override
    public List<ParkedMessage> parked(String consumer, int limit) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM parked_message WHERE consumer = ? AND replayed_at IS NULL "
                        + "ORDER BY id LIMIT ?",
                ROW,
                consumer,
                limit);
    }

    @Override
    public long countParked(String consumer) {
        Long n = jdbc.queryForObject(
                "SELECT COUNT(*) FROM parked_message WHERE consumer = ? AND replayed_at IS NULL", Long.class, consumer);
        return n == null ? 0 : n;
    }

    @Override
    public void replayed(long id) {
        jdbc.update(
                "UPDATE parked_message SET replayed_at = ?, replay_outcome = 'REPLAYED', attempts = attempts + 1 "
                        + "WHERE id = ?",
                Timestamp.from(clock.instant()),
                id);
    }

    @Override
    public void replayFailed(long id, String reason) {
        // a concurrent replay that applied it wins: a replayed message is never marked failed afterwards
        jdbc.update(
                "UPDATE parked_message SET reason = ?, replay_outcome = 'FAILED', attempts = attempts + 1 "
                        + "WHERE id = ? AND replayed_at IS NULL",
                reason,
                id);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
