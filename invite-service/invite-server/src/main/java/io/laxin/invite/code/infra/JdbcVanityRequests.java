package io.laxin.invite.code.infra;

import io.laxin.invite.code.domain.VanityRequest;
import io.laxin.invite.code.domain.VanityRequests;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** {@code vanity_request}; the unique keys on its generated pending_* columns keep one PENDING per code and user. */
@Repository
class JdbcVanityRequests implements VanityRequests {

    private static final String COLUMNS =
            "id, campaign_id, user_id, code, status, requested_by, requested_at, " + "decided_by, decided_at, note";
    private static final RowMapper<VanityRequest> ROW = (rs, i) -> new VanityRequest(
            rs.getLong("id"),
            rs.getLong("campaign_id"),
            rs.getString("user_id"),
            rs.getString("code"),
            VanityRequest.Status.valueOf(rs.getString("status")),
            rs.getString("requested_by"),
            instant(rs.getTimestamp("requested_at")),
            rs.getString("decided_by"),
            instant(rs.getTimestamp("decided_at")),
            rs.getString("note"));

    private final JdbcTemplate jdbc;

    JdbcVanityRequests(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<VanityRequest> tryAdd(VanityRequest r) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.update(
                    c -> {
                        PreparedStatement ps = c.prepareStatement(
                                "INSERT INTO vanity_request (campaign_id, user_id, code, "
                                        + "status, requested_by, requested_at) VALUES (?, ?, ?, ?, ?, ?)",
                                new String[] {"id"}); // only the id: H2 would also return the generated columns
                        ps.setLong(1, r.campaignId());
                        ps.setString(2, r.userId());
                        ps.setString(3, r.code());
                        ps.setString(4, r.status().name());
                        ps.setString(5, r.requestedBy());
                        ps.setTimestamp(6, timestamp(r.requestedAt()));
                        return ps;
                    },
                    key);
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
        return find(key.getKey().longValue());
    }

    @Override
    public Optional<VanityRequest> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM vanity_request WHERE id = ?", ROW, id).stream()
                .findFirst();
    }

    @Override
    public boolean pendingFor(String code) {
        return !jdbc.queryForList("SELECT id FROM vanity_request WHERE pending_code = ?", Long.class, code)
                .isEmpty();
    }

    @Override
    public boolean decide(long id, VanityRequest.Status status, String decidedBy, Instant at, String note) {
        return jdbc.update(
                        "UPDATE vanity_request SET status = ?, decided_by = ?, decided_at = ?, note = ? "
                                + "WHERE id = ? AND status = 'PENDING'",
                        status.name(),
                        decidedBy,
                        timestamp(at),
                        note,
                        id)
                == 1;
    }

    @Override
    public Page page(long campaignId, VanityRequest.Status status, int page, int size) {
        String where = " FROM vanity_request WHERE campaign_id = ?" + (status == null ? "" : " AND status = ?");
        Object[] args = status == null ? new Object[] {campaignId} : new Object[] {campaignId, status.name()};
        List<VanityRequest> items = jdbc.query(
                "SELECT " + COLUMNS + where + " ORDER BY id LIMIT " + size + " OFFSET " + (long) page * size,
                ROW,
                args);
        Long total = jdbc.queryForObject("SELECT COUNT(*)" + where, Long.class, args);
        return new Page(items, total == null ? 0 : total, page, size);
    }

    @Override
    public List<VanityRequest> ofUser(long campaignId, String userId) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM vanity_request WHERE campaign_id = ? AND user_id = ? "
                        + "ORDER BY id DESC",
                ROW,
                campaignId,
                userId);
    }

    private static Timestamp timestamp(Instant at) {
        return Timestamp.valueOf(io.laxin.invite.shared.UtcTimes.toRow(at));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : io.laxin.invite.shared.UtcTimes.fromRow(t.toLocalDateTime());
    }
}
