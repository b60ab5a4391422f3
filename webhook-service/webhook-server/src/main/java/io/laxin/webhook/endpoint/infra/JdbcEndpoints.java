package io.laxin.webhook.endpoint.infra;

import io.laxin.webhook.endpoint.domain.Endpoint;
import io.laxin.webhook.endpoint.domain.Endpoints;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class JdbcEndpoints implements Endpoints {

    private static final String COLUMNS = "id, url, description, event_types, secret, previous_secret, "
            + "previous_secret_until, enabled, disabled_reason, disabled_at, consecutive_failures, created_by, "
            + "created_at, updated_at";

    private final JdbcTemplate jdbc;

    public JdbcEndpoints(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long add(
            String url, String description, List<String> eventTypes, String secret, String createdBy, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(
                con -> {
                    PreparedStatement ps = con.prepareStatement(
                            "INSERT INTO webhook_endpoint (url, description, event_types, "
                                    + "secret, enabled, consecutive_failures, created_by, created_at, updated_at) "
                                    + "VALUES (?, ?, ?, ?, TRUE, 0, ?, ?, ?)",
                            Statement.RETURN_GENERATED_KEYS);
                    ps.setString(1, url);
                    ps.setString(2, description);
                    ps.setString(3, String.join(",", eventTypes));
                    ps.setString(4, secret);
                    ps.setString(5, createdBy);
                    ps.setTimestamp(6, Timestamp.from(now));
                    ps.setTimestamp(7, Timestamp.from(now));
                    return ps;
                },
                keys);
        return keys.getKey().longValue();
    }

    @Override
    public Optional<Endpoint> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM webhook_endpoint WHERE id = ?", ROW, id).stream()
                .findFirst();
    }

    @Override
    public List<Endpoint> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM webhook_endpoint ORDER BY id", ROW);
    }

    @Override
    public List<Endpoint> enabled() {
        return jdbc.query("SELECT " + COLUMNS + " FROM webhook_endpoint WHERE enabled = TRUE ORDER BY id", ROW);
    }

    @Override
    public int count() {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM webhook_endpoint", Integer.class);
        return n == null ? 0 : n;
    }

    @Override
    public void change(long id, String url, String description, List<String> eventTypes, Instant now) {
        jdbc.update(
                "UPDATE webhook_endpoint SET url = ?, description = ?, event_types = ?, updated_at = ? "
                        + "WHERE id = ?",
                url,
                description,
                String.join(",", eventTypes),
                Timestamp.from(now),
                id);
    }

    @Override
    public void enable(long id, Instant now) {
        jdbc.update(
                "UPDATE webhook_endpoint SET enabled = TRUE, disabled_reason = NULL, disabled_at = NULL, "
                        + "consecutive_failures = 0, updated_at = ? WHERE id = ?",
                Timestamp.from(now),
                id);
    }

    @Override
    public boolean disable(long id, String reason, Instant now) {
        return jdbc.update(
                        "UPDATE webhook_endpoint SET enabled = FALSE, disabled_reason = ?, disabled_at = ?, "
                                + "updated_at = ? WHERE id = ? AND enabled = TRUE",
                        truncate(reason),
                        Timestamp.from(now),
                        Timestamp.from(now),
                        id)
                == 1;
    }

    @Override
    public void rotateSecret(long id, String newSecret, String previousSecret, Instant previousUntil, Instant now) {
        jdbc.update(
                "UPDATE webhook_endpoint SET secret = ?, previous_secret = ?, previous_secret_until = ?, "
                        + "updated_at = ? WHERE id = ?",
                newSecret,
                previousSecret,
                Timestamp.from(previousUntil),
                Timestamp.from(now),
                id);
    }

    @Override
    public void resetFailures(long id) {
        jdbc.update(
                "UPDATE webhook_endpoint SET consecutive_failures = 0 WHERE id = ? AND consecutive_failures <> 0", id);
    }

    @Override
    public int addFailure(long id) {
        // the UPDATE locks the row until the caller's transaction ends, so the read sees this increment
        jdbc.update("UPDATE webhook_endpoint SET consecutive_failures = consecutive_failures + 1 WHERE id = ?", id);
        Integer n = jdbc.queryForObject(
                "SELECT consecutive_failures FROM webhook_endpoint WHERE id = ?", Integer.class, id);
        return n == null ? 0 : n;
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 499) + "…";
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static final RowMapper<Endpoint> ROW = (rs, i) -> new Endpoint(
            rs.getLong("id"),
            rs.getString("url"),
            rs.getString("description"),
            Arrays.stream(rs.getString("event_types").split(","))
                    .filter(s -> !s.isBlank())
                    .toList(),
            rs.getString("secret"),
            rs.getString("previous_secret"),
            instant(rs, "previous_secret_until"),
            rs.getBoolean("enabled"),
            rs.getString("disabled_reason"),
            instant(rs, "disabled_at"),
            rs.getInt("consecutive_failures"),
            rs.getString("created_by"),
            instant(rs, "created_at"),
            instant(rs, "updated_at"));
}
