package io.laxin.antifraud.screening.infra;

import io.laxin.antifraud.screening.domain.DecisionThresholds;
import io.laxin.antifraud.screening.domain.RiskList;
import io.laxin.antifraud.screening.domain.RuleId;
import io.laxin.antifraud.screening.domain.RuleSetting;
import io.laxin.antifraud.screening.domain.RuleSettings;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Rule settings, thresholds, lists and their audit in MySQL (read into memory by {@code RuleBooks}). */
@Repository
class JdbcRuleSettings implements RuleSettings {

    private final JdbcTemplate jdbc;

    JdbcRuleSettings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Snapshot load(Instant now) {
        Map<Long, Map<RuleId, RuleSetting>> settings = new HashMap<>();
        jdbc.query("SELECT campaign_id, rule_id, enabled, weight, threshold, params FROM risk_rule_setting", rs -> {
            Optional<RuleId> id = ruleId(rs.getString("rule_id"));
            if (id.isPresent()) {
                settings.computeIfAbsent(rs.getLong("campaign_id"), k -> new EnumMap<>(RuleId.class))
                        .put(id.get(), setting(id.get(), rs));
            }
        });
        Map<Long, DecisionThresholds> thresholds = new HashMap<>();
        jdbc.query("SELECT campaign_id, review_at, reject_at FROM risk_decision_threshold", rs -> {
            thresholds.put(rs.getLong(1), new DecisionThresholds(rs.getInt(2), rs.getInt(3)));
        });
        return new Snapshot(settings, thresholds, activeLists(now));
    }

    private static Optional<RuleId> ruleId(String name) {
        return Arrays.stream(RuleId.values()).filter(r -> r.name().equals(name)).findFirst();
    }

    private static RuleSetting setting(RuleId id, ResultSet rs) throws SQLException {
        return new RuleSetting(
                id, rs.getBoolean("enabled"), rs.getInt("weight"), rs.getLong("threshold"), rs.getString("params"));
    }

    @Override
    public Optional<RuleSetting> find(long campaignId, RuleId id) {
        return jdbc
                .query(
                        "SELECT enabled, weight, threshold, params FROM risk_rule_setting "
                                + "WHERE campaign_id = ? AND rule_id = ?",
                        (rs, i) -> setting(id, rs),
                        campaignId,
                        id.name())
                .stream()
                .findFirst();
    }

    @Override
    public void save(long campaignId, RuleSetting s, String by, Instant at) {
        int updated = jdbc.update(
                "UPDATE risk_rule_setting SET enabled = ?, weight = ?, threshold = ?, params = ?, "
                        + "updated_by = ?, updated_at = ? WHERE campaign_id = ? AND rule_id = ?",
                s.enabled(),
                s.weight(),
                s.threshold(),
                s.params(),
                by,
                Timestamp.from(at),
                campaignId,
                s.ruleId().name());
        if (updated == 0) {
            jdbc.update(
                    "INSERT INTO risk_rule_setting (campaign_id, rule_id, enabled, weight, threshold, params, "
                            + "updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    campaignId,
                    s.ruleId().name(),
                    s.enabled(),
                    s.weight(),
                    s.threshold(),
                    s.params(),
                    by,
                    Timestamp.from(at));
        }
    }

    @Override
    public Optional<DecisionThresholds> findThresholds(long campaignId) {
        return jdbc
                .query(
                        "SELECT review_at, reject_at FROM risk_decision_threshold WHERE campaign_id = ?",
                        (rs, i) -> new DecisionThresholds(rs.getInt(1), rs.getInt(2)),
                        campaignId)
                .stream()
                .findFirst();
    }

    @Override
    public void saveThresholds(long campaignId, DecisionThresholds t, String by, Instant at) {
        int updated = jdbc.update(
                "UPDATE risk_decision_threshold SET review_at = ?, reject_at = ?, updated_by = ?, "
                        + "updated_at = ? WHERE campaign_id = ?",
                t.reviewAt(),
                t.rejectAt(),
                by,
                Timestamp.from(at),
                campaignId);
        if (updated == 0) {
            jdbc.update(
                    "INSERT INTO risk_decision_threshold (campaign_id, review_at, reject_at, updated_by, updated_at) "
                            + "VALUES (?, ?, ?, ?, ?)",
                    campaignId,
                    t.reviewAt(),
                    t.rejectAt(),
                    by,
                    Timestamp.from(at));
        }
    }

    @Override
    public void audit(long campaignId, String subject, String oldValue, String newValue, String by, Instant at) {
        jdbc.update(
                "INSERT INTO risk_config_audit (campaign_id, subject, old_value, new_value, changed_by, changed_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)",
                campaignId,
                subject,
                oldValue,
                newValue,
                by,
                Timestamp.from(at));
    }

    @Override
    public List<ConfigChange> changes(Long campaignId, int limit) {
        RowMapper<ConfigChange> m = (rs, i) -> new ConfigChange(
                rs.getLong("id"),
                rs.getLong("campaign_id"),
                rs.getString("subject"),
                rs.getString("old_value"),
                rs.getString("new_value"),
                rs.getString("changed_by"),
                rs.getTimestamp("changed_at").toInstant());
        String sql = "SELECT id, campaign_id, subject, old_value, new_value, changed_by, changed_at "
                + "FROM risk_config_audit ";
        return campaignId == null
                ? jdbc.query(sql + "ORDER BY id DESC LIMIT ?", m, limit)
                : jdbc.query(sql + "WHERE campaign_id = ? ORDER BY id DESC LIMIT ?", m, campaignId, limit);
    }

    private static final RowMapper<RiskList> LIST = (rs, i) -> {
        Timestamp expires = rs.getTimestamp("expires_at");
        return new RiskList(
                rs.getLong("id"),
                RiskList.Kind.valueOf(rs.getString("list_kind")),
                RiskList.SubjectType.valueOf(rs.getString("subject_type")),
                rs.getString("subject_value"),
                rs.getString("reason"),
                expires == null ? null : expires.toInstant(),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
    };

    @Override
    public long addListEntry(RiskList e) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(
                con -> {
                    PreparedStatement ps = con.prepareStatement(
                            "INSERT INTO risk_list_entry (list_kind, subject_type, "
                                    + "subject_value, reason, expires_at, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                            Statement.RETURN_GENERATED_KEYS);
                    ps.setString(1, e.kind().name());
                    ps.setString(2, e.subjectType().name());
                    ps.setString(3, e.value());
                    ps.setString(4, e.reason());
                    ps.setTimestamp(5, e.expiresAt() == null ? null : Timestamp.from(e.expiresAt()));
                    ps.setString(6, e.createdBy());
                    ps.setTimestamp(7, Timestamp.from(e.createdAt()));
                    return ps;
                },
                keys);
        return keys.getKey().longValue();
    }

    @Override
    public Optional<RiskList> findListEntry(long id) {
        return jdbc.query("SELECT * FROM risk_list_entry WHERE id = ? AND removed_at IS NULL", LIST, id).stream()
                .findFirst();
    }

    @Override
    public boolean removeListEntry(long id, Instant at) {
        return jdbc.update(
                        "UPDATE risk_list_entry SET removed_at = ? WHERE id = ? AND removed_at IS NULL",
                        Timestamp.from(at),
                        id)
                == 1;
    }

    @Override
    public List<RiskList> activeLists(Instant now) {
        return jdbc.query(
                "SELECT * FROM risk_list_entry WHERE removed_at IS NULL "
                        + "AND (expires_at IS NULL OR expires_at > ?) ORDER BY id",
                LIST,
                Timestamp.from(now));
    }
}
