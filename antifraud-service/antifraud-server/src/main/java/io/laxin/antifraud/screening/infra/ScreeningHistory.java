package io.laxin.antifraud.screening.infra;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * What the stored screenings say about the keys of the velocity counters, for rebuilding the ones Redis lost (ADR
 * 0009): every question is one index range ({@code <key columns>, registered_at}) and all the questions of one
 * screening go to the database as one {@code UNION ALL} statement. A window's distinct members are read at most
 * {@link #LIMIT} at a time — far above any velocity threshold.
 */
@Repository
class ScreeningHistory {

    /** The most members a rebuilt window gets back. */
    static final int LIMIT = 1000;

    private final JdbcTemplate jdbc;

    ScreeningHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One question for the counters' slot {@code slot}: a set's members, a first owner or a first sighting. */
    record Question(int slot, String sql, List<Object> args) {}

    /** The answer for a slot: a set's members (or the first owner, alone), or the first sighting. */
    record Answer(Set<String> members, Instant first) {

        boolean empty() {
            return members.isEmpty() && first == null;
        }
    }

    static Question invitees(int slot, String where, List<Object> keyArgs, Instant from, Instant to) {
        List<Object> args = new ArrayList<>(keyArgs);
        args.add(utc(from));
        args.add(utc(to));
        return new Question(
                slot,
                "(SELECT DISTINCT " + slot + " AS slot, invitee_user_id AS v, NULL AS t FROM screening WHERE " + where
                        + " AND registered_at >= ? AND registered_at < ? LIMIT " + LIMIT + ")",
                args);
    }

    static Question unionidOpenids(int slot, String unionid, Instant from) {
        return new Question(
                slot,
                "(SELECT DISTINCT " + slot + " AS slot, invitee_openid AS v, NULL AS t FROM screening"
                        + " WHERE invitee_unionid = ? AND registered_at >= ? AND invitee_openid IS NOT NULL LIMIT "
                        + LIMIT + ")",
                List.of(MybatisScreenings.truncate(unionid), utc(from)));
    }

    static Question phoneFirstOwner(int slot, String phoneHash, Instant from) {
        return new Question(
                slot,
                "(SELECT " + slot + " AS slot, invitee_user_id AS v, NULL AS t FROM screening"
                        + " WHERE invitee_phone_hash = ? AND registered_at >= ? ORDER BY registered_at, id LIMIT 1)",
                List.of(MybatisScreenings.truncate(phoneHash), utc(from)));
    }

    static Question openidFirstSeen(int slot, String openid, Instant from) {
        return new Question(
                slot,
                "(SELECT " + slot + " AS slot, NULL AS v, MIN(COALESCE(invitee_openid_first_seen_at, registered_at))"
                        + " AS t FROM screening WHERE invitee_openid = ? AND registered_at >= ?)",
                List.of(MybatisScreenings.truncate(openid), utc(from)));
    }

    /** Asks every question in one statement; slot → answer (a slot without rows answers empty). */
    Map<Integer, Answer> ask(List<Question> questions) {
        Map<Integer, Set<String>> members = new HashMap<>();
        Map<Integer, Instant> firsts = new HashMap<>();
        List<String> parts = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        for (Question q : questions) {
            parts.add(q.sql());
            args.addAll(q.args());
            members.put(q.slot(), new LinkedHashSet<>());
        }
        RowCallbackHandler row = rs -> read(rs, members, firsts);
        jdbc.query(String.join(" UNION ALL ", parts), row, args.toArray());
        Map<Integer, Answer> answers = new HashMap<>();
        members.forEach((slot, m) -> answers.put(slot, new Answer(m, firsts.get(slot))));
        return answers;
    }

    private static void read(ResultSet rs, Map<Integer, Set<String>> members, Map<Integer, Instant> firsts)
            throws SQLException {
        int slot = rs.getInt(1);
        String v = rs.getString(2);
        if (v != null) {
            members.get(slot).add(v);
        }
        LocalDateTime t = rs.getObject(3, LocalDateTime.class);
        if (t != null) {
            firsts.put(slot, t.toInstant(ZoneOffset.UTC));
        }
    }

    static LocalDateTime utc(Instant i) {
        return LocalDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
