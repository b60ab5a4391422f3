package io.laxin.reward.job.infra;

import io.laxin.reward.job.domain.JobRun;
import io.laxin.reward.job.domain.JobRuns;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Repository
class JdbcJobRuns implements JobRuns {

    private static final RowMapper<JobRun> ROW = (rs, i) -> new JobRun(rs.getLong("id"), rs.getString("job"),
            rs.getString("subject"), JobRun.Status.valueOf(rs.getString("status")), rs.getLong("total"),
            rs.getLong("done"), rs.getString("summary"), rs.getString("started_by"), instant(rs.getTimestamp("started_at")),
            instant(rs.getTimestamp("updated_at")), instant(rs.getTimestamp("finished_at")));

    private final JdbcTemplate jdbc;
    private final TransactionTemplate own;
    private final JsonMapper json;
    private final Clock clock;

    JdbcJobRuns(JdbcTemplate jdbc, PlatformTransactionManager txm, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(txm);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.json = json;
        this.clock = clock;
    }

    @Override
    public long start(String job, String subject, long total, String startedBy) {
        Timestamp now = Timestamp.from(clock.instant());
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        own.executeWithoutResult(s -> jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("INSERT INTO job_run (job, subject, status, total, done, "
                    + "started_by, started_at, updated_at) VALUES (?, ?, 'RUNNING', ?, 0, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS);
            ps.setString(1, job);
            ps.setString(2, subject);
            ps.setLong(3, total);
            ps.setString(4, startedBy);
            ps.setTimestamp(5, now);
            ps.setTimestamp(6, now);
            return ps;
        }, key));
        return key.getKey().longValue();
    }

    @Override
    public void progress(long runId, long done, long total) {
        own.executeWithoutResult(s -> jdbc.update("UPDATE job_run SET done = ?, total = GREATEST(total, ?), "
                + "updated_at = ? WHERE id = ?", done, total, Timestamp.from(clock.instant()), runId));
    }

    @Override
    public void finish(long runId, long done, Map<String, ?> summary) {
        end(runId, "DONE", done, json.writeValueAsString(summary));
    }

    @Override
    public void fail(long runId, long done, String error) {
        end(runId, "FAILED", done, json.writeValueAsString(Map.of("error", String.valueOf(error))));
    }

    private void end(long runId, String status, long done, String summary) {
        Timestamp now = Timestamp.from(clock.instant());
        own.executeWithoutResult(s -> jdbc.update("UPDATE job_run SET status = ?, done = ?, summary = ?, "
                + "updated_at = ?, finished_at = ? WHERE id = ?", status, done, summary, now, now, runId));
    }

    @Override
    public Optional<JobRun> byId(long runId) {
        return jdbc.query("SELECT * FROM job_run WHERE id = ?", ROW, runId).stream().findFirst();
    }

    @Override
    public List<JobRun> recent(String job, int limit) {
        return jdbc.query("SELECT * FROM job_run WHERE job = ? ORDER BY id DESC LIMIT ?", ROW, job, limit);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
