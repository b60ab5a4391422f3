package io.laxin.kernel.job;

import io.laxin.kernel.api.CommonErrorCode;
import io.laxin.kernel.error.LaxinException;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one long-job mechanism of every service: runs in {@code job_run}, each with its progress, its outcome and a
 * lease. Starting a job takes the lease of its (job, subject) — a unique key held while the run lives — so a second
 * start, on this replica or another, gets the live run back instead of starting twice. While a body runs (and while
 * it waits in {@link LongJobs}' queue) a heartbeat renews the lease every third of it, whether or not the body
 * reports progress; each progress report renews it too. A run whose process died stops renewing and reads as FAILED
 * once its lease is over; the next start of the same job and subject records it so and takes over (a shared run,
 * which holds no lease key, is only read as FAILED). A run that lost its lease ends in {@link JobLeaseLost}, never
 * in success. Every write commits on its own (not in the caller's transaction), so progress is visible while the job
 * runs and a failed run is still recorded. Lease times come from the injected {@link Clock}; the heartbeat's cadence
 * is real time.
 */
public class Jobs {

    /** The outcome of {@link #start}: {@code started} false means {@code runId} is the live run holding the lease. */
    public record Claim(long runId, boolean started) {}

    private static final Logger log = LoggerFactory.getLogger(Jobs.class);
    private static final RowMapper<JobRun> ROW = (rs, i) -> new JobRun(
            rs.getLong("id"),
            rs.getString("job"),
            rs.getString("subject"),
            JobRun.Status.valueOf(rs.getString("status")),
            rs.getLong("total"),
            rs.getLong("done"),
            rs.getString("summary"),
            rs.getString("error"),
            rs.getString("started_by"),
            instant(rs.getTimestamp("started_at")),
            instant(rs.getTimestamp("updated_at")),
            instant(rs.getTimestamp("finished_at")),
            rs.getString("lease_owner"),
            instant(rs.getTimestamp("lease_until")));

    private final JdbcTemplate jdbc;
    private final TransactionTemplate own;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration lease;
    private final String owner;
    private final Duration heartbeat;

    /**
     * @param lease how long a run holds its lease without a heartbeat (sent every third of it)
     * @param owner this process, as written in {@code lease_owner}
     */
    public Jobs(
            JdbcTemplate jdbc,
            PlatformTransactionManager txm,
            JsonMapper json,
            Clock clock,
            Duration lease,
            String owner) {
        this(jdbc, txm, json, clock, lease, owner, lease.dividedBy(3));
    }

    /** @param heartbeat how often (real time) a working or waiting run renews its lease; less than {@code lease} */
    public Jobs(
            JdbcTemplate jdbc,
            PlatformTransactionManager txm,
            JsonMapper json,
            Clock clock,
            Duration lease,
            String owner,
            Duration heartbeat) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(txm);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.json = json;
        this.clock = clock;
        this.lease = lease;
        this.owner = owner;
        this.heartbeat = heartbeat;
    }

    public Claim start(String job, String subject, String startedBy) {
        return start(job, subject, startedBy, 0);
    }

    /**
     * Starts a run of {@code job} on {@code subject} unless one holds the lease; an abandoned run (lease over) is
     * marked FAILED first and no longer holds it.
     */
    public Claim start(String job, String subject, String startedBy, long total) {
        String key = job + ":" + (subject == null ? "" : subject);
        for (int attempt = 0; ; attempt++) {
            Instant now = clock.instant();
            own.executeWithoutResult(s -> jdbc.update(
                    "UPDATE job_run SET status = 'FAILED', error = ?, summary = ?, "
                            + "finished_at = lease_until, lease_key = NULL WHERE lease_key = ? AND status = 'RUNNING' "
                            + "AND (lease_until IS NULL OR lease_until <= ?)",
                    JobRun.ABANDONED,
                    errorSummary(JobRun.ABANDONED),
                    key,
                    Timestamp.from(now)));
            try {
                return new Claim(insert(job, subject, startedBy, total, key, now), true);
            } catch (DuplicateKeyException held) {
                Optional<Long> holder =
                        jdbc.query("SELECT id FROM job_run WHERE lease_key = ?", (rs, i) -> rs.getLong(1), key).stream()
                                .findFirst();
                if (holder.isPresent()) {
                    return new Claim(holder.get(), false);
                }
                if (attempt >= 2) {
                    throw held;
                }
                // the holder ended between our insert and our look: try again
            }
        }
    }

    private long insert(String job, String subject, String startedBy, long total, String key, Instant now) {
        Timestamp at = Timestamp.from(now);
        GeneratedKeyHolder id = new GeneratedKeyHolder();
        own.executeWithoutResult(s -> jdbc.update(
                con -> {
                    PreparedStatement ps = con.prepareStatement(
                            "INSERT INTO job_run (job, subject, status, total, done, "
                                    + "started_by, started_at, updated_at, lease_owner, lease_until, lease_key) "
                                    + "VALUES (?, ?, 'RUNNING', ?, 0, ?, ?, ?, ?, ?, ?)",
                            Statement.RETURN_GENERATED_KEYS);
                    ps.setString(1, job);
                    ps.setString(2, subject);
                    ps.setLong(3, total);
                    ps.setString(4, startedBy);
                    ps.setTimestamp(5, at);
                    ps.setTimestamp(6, at);
                    ps.setString(7, owner);
                    ps.setTimestamp(8, Timestamp.from(now.plus(lease)));
                    ps.setString(9, key);
                    return ps;
                },
                id));
        return id.getKey().longValue();
    }

    /**
     * Records how far the run got and renews its lease (the heartbeat).
     *
     * @throws JobLeaseLost when the run has ended, or lost its lease to a later start
     */
    public void progress(long runId, long done, long total) {
        Instant now = clock.instant();
        Integer updated = own.execute(s -> jdbc.update(
                "UPDATE job_run SET done = ?, total = GREATEST(total, ?), "
                        + "updated_at = ?, lease_until = ? WHERE id = ? AND status = 'RUNNING'",
                done,
                total,
                Timestamp.from(now),
                Timestamp.from(now.plus(lease)),
                runId));
        if (updated == null || updated == 0) {
            throw new JobLeaseLost(runId);
        }
    }

    /**
     * Renews the run's lease without reporting progress (the heartbeat).
     *
     * @return false when the run has ended, or lost its lease to a later start
     */
    public boolean renew(long runId) {
        Instant now = clock.instant();
        Integer updated = own.execute(s -> jdbc.update(
                "UPDATE job_run SET lease_until = ? WHERE id = ? AND status = 'RUNNING'",
                Timestamp.from(now.plus(lease)),
                runId));
        return updated != null && updated > 0;
    }

    /**
     * Renews the run's lease every third of it (real time) until the answer is closed, from a small pool the whole
     * process shares. {@link Heartbeat#lost()} tells whether a renewal found the run no longer this process's.
     */
    public Heartbeat heartbeat(long runId) {
        return new Heartbeat(runId);
    }

    /** A run's heartbeat: close it when the run's body has ended. */
    public final class Heartbeat implements AutoCloseable {

        private final AtomicBoolean lost = new AtomicBoolean();
        private final ScheduledFuture<?> beat;

        private Heartbeat(long runId) {
            long every = Math.max(1, heartbeat.toMillis());
            this.beat = Beats.POOL.scheduleWithFixedDelay(
                    () -> {
                        try {
                            if (!renew(runId)) {
                                lost.set(true);
                                throw new JobLeaseLost(runId); // ends the schedule
                            }
                        } catch (JobLeaseLost stop) {
                            throw stop;
                        } catch (RuntimeException e) {
                            log.warn(
                                    "Renewing the lease of job run {} failed; the next beat retries: {}",
                                    runId,
                                    e.toString());
                        }
                    },
                    every,
                    every,
                    TimeUnit.MILLISECONDS);
        }

        /** True once a renewal found the run ended or taken over. */
        public boolean lost() {
            return lost.get();
        }

        @Override
        public void close() {
            beat.cancel(false);
        }
    }

    /** The heartbeats of every run in this process: one daemon thread, each beat one short update. */
    private static final class Beats {
        static final ScheduledThreadPoolExecutor POOL = pool();

        private static ScheduledThreadPoolExecutor pool() {
            ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "job-heartbeat");
                t.setDaemon(true);
                return t;
            });
            pool.setRemoveOnCancelPolicy(true);
            return pool;
        }
    }

    /**
     * The run ended well: {@code summary}, a small record of the job's own (written as JSON, its components the
     * field names), says what it did.
     *
     * @return false when the run had already ended or lost its lease (nothing was recorded)
     */
    public boolean succeed(long runId, Record summary) {
        return end(runId, "DONE", json.writeValueAsString(summary), null, "total = GREATEST(total, done)");
    }

    /**
     * The run failed with {@code error}.
     *
     * @return false when the run had already ended or lost its lease (nothing was recorded)
     */
    public boolean fail(long runId, String error) {
        String e = error == null ? "failed" : error.substring(0, Math.min(1000, error.length()));
        return end(runId, "FAILED", errorSummary(e), e, "done = done");
    }

    private boolean end(long runId, String status, String summary, String error, String counts) {
        Timestamp now = Timestamp.from(clock.instant());
        Integer ended = own.execute(s -> jdbc.update(
                "UPDATE job_run SET status = ?, summary = ?, error = ?, " + counts
                        + ", updated_at = ?, finished_at = ?, lease_until = ?, lease_key = NULL WHERE id = ? "
                        + "AND status = 'RUNNING'",
                status,
                summary,
                error,
                now,
                now,
                now,
                runId));
        if (ended == null || ended == 0) {
            log.warn("Job run {} had already ended (or was taken over) when it ended {}", runId, status);
            return false;
        }
        return true;
    }

    /**
     * Runs {@code work} as a run of {@code job} on {@code subject}, here and now: started, its progress recorded,
     * succeeded with {@code summary} of its result, or failed with the exception (which is rethrown).
     *
     * @throws LaxinException 409 {@code CONFLICT} when a live run of the same job and subject holds the lease
     */
    public <T> T run(
            String job,
            String subject,
            String startedBy,
            long total,
            JobWork<T> work,
            Function<? super T, ? extends Record> summary) {
        Claim claim = start(job, subject, startedBy, total);
        if (!claim.started()) {
            throw running(job, subject, claim.runId());
        }
        return carryOut(claim.runId(), work, summary);
    }

    /**
     * Like {@link #run}, for a job several runs of which may work side by side on the same subject (each replica
     * taking its own share, e.g. with {@code SKIP LOCKED}): the run is recorded, heartbeats and can be abandoned, but
     * holds no exclusive lease.
     */
    public <T> T runShared(
            String job,
            String subject,
            String startedBy,
            long total,
            JobWork<T> work,
            Function<? super T, ? extends Record> summary) {
        return carryOut(insert(job, subject, startedBy, total, null, clock.instant()), work, summary);
    }

    /**
     * Runs {@code work} as the started run {@code runId} (see {@link #start}): its lease renewed by a heartbeat while
     * it works, its progress recorded, succeeded with {@code summary} of its result, or failed with the exception
     * (which is rethrown).
     *
     * @throws JobLeaseLost when the run lost its lease (ended, or taken over by a later start) before it could
     *     succeed: its work is not recorded as done
     */
    public <T> T carryOut(long runId, JobWork<T> work, Function<? super T, ? extends Record> summary) {
        T result;
        try (Heartbeat beat = heartbeat(runId)) {
            result = work.run(new JobProgress() {
                @Override
                public long runId() {
                    return runId;
                }

                @Override
                public void report(long done, long total) {
                    progress(runId, done, total);
                }
            });
        } catch (RuntimeException | Error e) {
            fail(runId, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            throw e;
        }
        if (!succeed(runId, summary.apply(result))) {
            throw new JobLeaseLost(runId);
        }
        return result;
    }

    static LaxinException running(String job, String subject, long runId) {
        return new LaxinException(
                CommonErrorCode.CONFLICT,
                "A " + job + " run on " + subject + " is already running " + "(run " + runId
                        + "); follow it, or start again once it has ended");
    }

    /** The run as it stands now (an abandoned one reads FAILED). */
    public Optional<JobRun> byId(long runId) {
        Instant now = clock.instant();
        return jdbc.query("SELECT * FROM job_run WHERE id = ?", ROW, runId).stream()
                .findFirst()
                .map(r -> r.asOf(now));
    }

    /** The latest {@code limit} runs of {@code job}, newest first. */
    public List<JobRun> recent(String job, int limit) {
        Instant now = clock.instant();
        return jdbc.query("SELECT * FROM job_run WHERE job = ? ORDER BY id DESC LIMIT ?", ROW, job, limit).stream()
                .map(r -> r.asOf(now))
                .toList();
    }

    /** A failed run's summary: {@code {"error": ...}}. */
    private record ErrorSummary(String error) {}

    private String errorSummary(String error) {
        return json.writeValueAsString(new ErrorSummary(String.valueOf(error)));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
