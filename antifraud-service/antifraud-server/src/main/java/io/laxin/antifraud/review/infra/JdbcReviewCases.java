package io.laxin.antifraud.review.infra;

import io.laxin.antifraud.review.domain.ReviewCase;
import io.laxin.antifraud.review.domain.ReviewCases;
import io.laxin.antifraud.screening.domain.Assessment;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class JdbcReviewCases implements ReviewCases {

    private static final TypeReference<List<Assessment.Finding>> FINDINGS = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final RowMapper<ReviewCase> rows;

    JdbcReviewCases(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.rows = (rs, i) -> {
            Timestamp decided = rs.getTimestamp("decided_at");
            return new ReviewCase(
                    rs.getLong("id"),
                    rs.getString("screening_id"),
                    rs.getLong("campaign_id"),
                    rs.getString("referrer_user_id"),
                    rs.getString("invitee_user_id"),
                    ReviewCase.Source.valueOf(rs.getString("source")),
                    ReviewCase.Status.valueOf(rs.getString("status")),
                    rs.getInt("score"),
                    json.readValue(rs.getString("evidence"), FINDINGS),
                    rs.getTimestamp("opened_at").toInstant(),
                    rs.getString("decided_by"),
                    decided == null ? null : decided.toInstant(),
                    rs.getString("note"));
        };
    }

    @Override
    public long open(NewCase c) {
        String ruleIds = ","
                + c.evidence().stream()
                        .map(Assessment.Finding::ruleId)
                        .distinct()
                        .collect(Collectors.joining(",")) + ",";
        boolean inserted;
        try {
            inserted = jdbc.update(
                            "INSERT INTO risk_case (screening_id, campaign_id, referrer_user_id, invitee_user_id, source, "
                                    + "status, score, rule_ids, evidence, opened_at) VALUES (?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?)",
                            c.screeningId(),
                            c.campaignId(),
                            c.referrerUserId(),
                            c.inviteeUserId(),
                            c.source().name(),
                            c.score(),
                            ruleIds.length() > 500 ? ruleIds.substring(0, 500) : ruleIds,
                            json.writeValueAsString(c.evidence()),
                            Timestamp.from(c.openedAt()))
                    == 1;
        } catch (DuplicateKeyException already) {
            inserted = false; // one case per invitee, campaign and source
        }
        Long id = jdbc.queryForObject(
                "SELECT id FROM risk_case WHERE campaign_id = ? AND invitee_user_id = ? " + "AND source = ?",
                Long.class,
                c.campaignId(),
                c.inviteeUserId(),
                c.source().name());
        if (inserted) {
            jdbc.update(
                    "INSERT INTO risk_case_audit (case_id, action, actor, note, acted_at) VALUES (?, 'OPENED', ?, ?, ?)",
                    id,
                    c.source() == ReviewCase.Source.SCREENING ? "screening" : "late-analysis",
                    "score " + c.score(),
                    Timestamp.from(c.openedAt()));
        }
        return id;
    }

    @Override
    public Optional<ReviewCase> find(long id) {
        return jdbc.query("SELECT * FROM risk_case WHERE id = ?", rows, id).stream()
                .findFirst();
    }

    @Override
    public boolean exists(long campaignId, String inviteeUserId) {
        Long n = jdbc.queryForObject(
                "SELECT COUNT(*) FROM risk_case WHERE campaign_id = ? AND invitee_user_id = ?",
                Long.class,
                campaignId,
                inviteeUserId);
        return n != null && n > 0;
    }

    @Override
    public Page search(Query q) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (q.status() != null) {
            where.append(" AND status = ?");
            args.add(q.status().name());
        }
        if (q.campaignId() != null) {
            where.append(" AND campaign_id = ?");
            args.add(q.campaignId());
        }
        if (q.ruleId() != null) {
            where.append(" AND rule_ids LIKE ?");
            args.add("%," + q.ruleId() + ",%");
        }
        if (q.minScore() != null) {
            where.append(" AND score >= ?");
            args.add(q.minScore());
        }
        if (q.maxScore() != null) {
            where.append(" AND score <= ?");
            args.add(q.maxScore());
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM risk_case" + where, Long.class, args.toArray());
        List<Object> paged = new ArrayList<>(args);
        paged.add(q.size());
        paged.add((long) q.page() * q.size());
        List<ReviewCase> items = jdbc.query(
                "SELECT * FROM risk_case" + where + " ORDER BY score DESC, id LIMIT ? OFFSET ?", rows, paged.toArray());
        return new Page(items, total == null ? 0 : total, q.page(), q.size());
    }

    @Override
    public boolean decide(long id, ReviewCase.Status to, String by, String note, Instant at) {
        return jdbc.update(
                        "UPDATE risk_case SET status = ?, decided_by = ?, decided_at = ?, note = ? "
                                + "WHERE id = ? AND status = 'OPEN'",
                        to.name(),
                        by,
                        Timestamp.from(at),
                        note,
                        id)
                == 1;
    }

    @Override
    public void audit(AuditEntry e) {
        jdbc.update(
                "INSERT INTO risk_case_audit (case_id, action, actor, note, acted_at) VALUES (?, ?, ?, ?, ?)",
                e.caseId(),
                e.action(),
                e.actor(),
                e.note(),
                Timestamp.from(e.at()));
    }

    @Override
    public List<AuditEntry> auditOf(long caseId) {
        return jdbc.query(
                "SELECT case_id, action, actor, note, acted_at FROM risk_case_audit WHERE case_id = ? " + "ORDER BY id",
                (rs, i) -> new AuditEntry(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant()),
                caseId);
    }
}
