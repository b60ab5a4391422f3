package io.laxin.kernel.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.laxin.kernel.error.LaxinException;
import io.laxin.testsupport.MutableClock;
import io.laxin.testsupport.TestInfrastructure;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.json.JsonMapper;

/** The kernel's long-job mechanism against the real database, migrated by the kernel's own scripts. */
class JobsIT {

    private static final Duration LEASE = Duration.ofMinutes(5);

    /** Run summaries are records (a map no longer compiles), written as JSON with their components' names. */
    record Nothing() {}

    record Ok(boolean ok) {}

    record Rendered(int rendered) {}

    record Result(String result) {}

    static JdbcTemplate jdbc;
    static DataSourceTransactionManager txm;
    static final MutableClock clock = new MutableClock();

    @BeforeAll
    static void database() {
        TestInfrastructure.MySql server = TestInfrastructure.mysql();
        String url = TestInfrastructure.createDatabase("jobs");
        DriverManagerDataSource ds = new DriverManagerDataSource(url, server.user(), server.password());
        Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/kernel")
                .load()
                .migrate();
        jdbc = new JdbcTemplate(ds);
        txm = new DataSourceTransactionManager(ds);
    }

    /** A replica: its own owner name, the shared database and clock. */
    private static Jobs replica(String name) {
        return new Jobs(jdbc, txm, JsonMapper.builder().build(), clock, LEASE, name);
    }

    private static String subject() {
        return "campaign:" + UUID.randomUUID();
    }

    @Test
    void shouldRefuseASecondRunOfTheSameJobAndSubjectWhileTheFirstHoldsItsLease() {
        Jobs a = replica("a");
        Jobs b = replica("b");
        String subject = subject();

        Jobs.Claim first = a.start("export", subject, "op-1", 10);
        Jobs.Claim second = b.start("export", subject, "op-2");

        assertThat(first.started()).isTrue();
        assertThat(second.started()).as("the live run is answered instead").isFalse();
        assertThat(second.runId()).isEqualTo(first.runId());
        assertThat(b.start("export", subject(), "op-2").started())
                .as("another subject")
                .isTrue();
        assertThat(b.start("settlement", subject, "op-2").started())
                .as("another job")
                .isTrue();
        JobRun run = b.byId(first.runId()).orElseThrow();
        assertThat(run.status()).isEqualTo(JobRun.Status.RUNNING);
        assertThat(run.leaseOwner()).isEqualTo("a");
        assertThat(run.startedBy()).isEqualTo("op-1");
        assertThat(run.total()).isEqualTo(10);
        assertThatThrownBy(() -> b.run("export", subject, "op-2", 0, p -> "never", r -> new Nothing()))
                .isInstanceOf(LaxinException.class)
                .hasMessageContaining("already running");
    }

    @Test
    void shouldRenewTheLeaseWithEachProgressReport() {
        Jobs a = replica("a");
        String subject = subject();
        long run = a.start("release", subject, "scheduler").runId();

        clock.advance(Duration.ofMinutes(4));
        a.progress(run, 40, 100);
        clock.advance(Duration.ofMinutes(4));
        try {
            assertThat(replica("b").start("release", subject, "scheduler").started())
                    .as("8 minutes after the start, 4 after the last heartbeat")
                    .isFalse();
            JobRun now = a.byId(run).orElseThrow();
            assertThat(now.status()).isEqualTo(JobRun.Status.RUNNING);
            assertThat(now.done()).isEqualTo(40);
            assertThat(now.total()).isEqualTo(100);
            assertThat(now.percent()).isEqualTo(40);
        } finally {
            clock.reset();
        }
    }

    @Test
    void shouldReportARunWhoseProcessDiedAsAbandonedAndLetANewRunStart() {
        Jobs dead = replica("dead");
        Jobs alive = replica("alive");
        String subject = subject();
        long abandoned = dead.start("late-analysis", subject, "scheduler").runId();
        dead.progress(abandoned, 3, 10);

        clock.advance(LEASE.plusSeconds(1));
        try {
            JobRun seen = alive.byId(abandoned).orElseThrow();
            assertThat(seen.status()).as("no heartbeat within the lease").isEqualTo(JobRun.Status.FAILED);
            assertThat(seen.error()).isEqualTo(JobRun.ABANDONED);

            Jobs.Claim next = alive.start("late-analysis", subject, "scheduler");
            assertThat(next.started()).isTrue();
            assertThat(next.runId()).isNotEqualTo(abandoned);
            assertThat(jdbc.queryForObject("SELECT status FROM job_run WHERE id = ?", String.class, abandoned))
                    .as("recorded, not only shown")
                    .isEqualTo("FAILED");
            assertThat(alive.recent("late-analysis", 100))
                    .extracting(JobRun::id)
                    .contains(next.runId(), abandoned);
            assertThatThrownBy(() -> dead.progress(abandoned, 4, 10))
                    .as("the old run lost its lease")
                    .isInstanceOf(JobLeaseLost.class);
        } finally {
            clock.reset();
        }
    }

    @Test
    void shouldEndARunWithItsResultOrErrorAndFreeTheLease() {
        Jobs a = replica("a");
        String subject = subject();
        long done = a.start("reconciliation", subject, "finance-1", 3).runId();
        a.progress(done, 3, 3);
        a.succeed(done, new Ok(true));

        JobRun succeeded = a.byId(done).orElseThrow();
        assertThat(succeeded.status()).isEqualTo(JobRun.Status.DONE);
        assertThat(succeeded.done()).isEqualTo(3);
        assertThat(succeeded.percent()).isEqualTo(100);
        assertThat(succeeded.summary()).isEqualTo("{\"ok\":true}");
        assertThat(succeeded.finishedAt()).isNotNull();

        long failed = a.start("reconciliation", subject, "finance-1").runId();
        a.fail(failed, "ledger unreachable");
        JobRun f = a.byId(failed).orElseThrow();
        assertThat(f.status()).isEqualTo(JobRun.Status.FAILED);
        assertThat(f.error()).isEqualTo("ledger unreachable");
        assertThat(a.start("reconciliation", subject, "finance-1").started()).isTrue();
    }

    @Test
    void shouldRecordARunThatThrowsAsFailedAndRethrow() {
        Jobs a = replica("a");
        String subject = subject();
        long[] id = {0};
        assertThatThrownBy(() -> a.run(
                        "cancel",
                        subject,
                        "ops-1",
                        0,
                        p -> {
                            id[0] = p.runId();
                            p.report(1, 2);
                            throw new IllegalStateException("boom");
                        },
                        r -> new Nothing()))
                .hasMessage("boom");
        JobRun run = a.byId(id[0]).orElseThrow();
        assertThat(run.status()).isEqualTo(JobRun.Status.FAILED);
        assertThat(run.done()).isEqualTo(1);
        assertThat(run.summary()).isEqualTo("{\"error\":\"boom\"}");
    }

    @Test
    void shouldRunALongJobInTheBackgroundAndAnswerItsRunAtOnce() throws InterruptedException {
        Jobs jobs = replica("a");
        LongJobs longJobs = new LongJobs(jobs, 1, 1);
        CountDownLatch go = new CountDownLatch(1);
        String subject = subject();
        try {
            Jobs.Claim claim = longJobs.submit("pregen", subject, "ops-1", 2, p -> {
                p.report(1, 2);
                hold(go);
                p.report(2, 2);
                return new Rendered(2);
            });
            assertThat(claim.started()).isTrue();
            assertThat(jobs.byId(claim.runId()).orElseThrow().status())
                    .as("answered while the body waits")
                    .isEqualTo(JobRun.Status.RUNNING);
            assertThat(longJobs.submit("pregen", subject, "ops-2", 2, p -> new Nothing())
                            .started())
                    .isFalse();

            go.countDown();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> jobs.byId(claim.runId()).orElseThrow().status() == JobRun.Status.DONE);
            assertThat(jobs.byId(claim.runId()).orElseThrow().summary()).isEqualTo("{\"rendered\":2}");
        } finally {
            go.countDown();
            longJobs.destroy();
        }
    }

    @Test
    void shouldNotReportSuccessForARunTakenOverWhileItWorked() {
        Jobs a = replica("a");
        Jobs b = replica("b");
        String subject = subject();
        long[] id = {0};
        long[] next = {0};
        try {
            assertThatThrownBy(() -> a.run(
                            "release",
                            subject,
                            "scheduler",
                            0,
                            p -> {
                                id[0] = p.runId();
                                clock.advance(LEASE.plusSeconds(1));
                                Jobs.Claim other = b.start("release", subject, "scheduler");
                                assertThat(other.started()).isTrue();
                                next[0] = other.runId();
                                return "done anyway";
                            },
                            r -> new Result(r)))
                    .isInstanceOf(JobLeaseLost.class);
            JobRun old = a.byId(id[0]).orElseThrow();
            assertThat(old.status()).as("not DONE").isEqualTo(JobRun.Status.FAILED);
            assertThat(old.error()).isEqualTo(JobRun.ABANDONED);
            assertThat(a.byId(next[0]).orElseThrow().status())
                    .as("the run that took over is untouched")
                    .isEqualTo(JobRun.Status.RUNNING);
            assertThat(a.succeed(id[0], new Nothing()))
                    .as("ended runs are not ended again")
                    .isFalse();
            assertThat(a.fail(id[0], "late")).isFalse();
            assertThat(b.fail(next[0], "stopped")).isTrue();
        } finally {
            clock.reset();
        }
    }

    @Test
    void shouldKeepTheLeaseOfALongStepThatReportsNoProgress() {
        Jobs a = new Jobs(jdbc, txm, JsonMapper.builder().build(), clock, LEASE, "a", Duration.ofMillis(20));
        String subject = subject();
        try {
            String result = a.run(
                    "settlement",
                    subject,
                    "scheduler",
                    0,
                    p -> {
                        java.time.Instant first = leaseUntil(p.runId());
                        clock.advance(Duration.ofMinutes(4));
                        await().atMost(Duration.ofSeconds(30))
                                .until(() -> leaseUntil(p.runId()).isAfter(first));
                        clock.advance(Duration.ofMinutes(4));
                        assertThat(replica("b")
                                        .start("settlement", subject, "scheduler")
                                        .started())
                                .as("8 minutes after the start, without a progress report")
                                .isFalse();
                        return "settled";
                    },
                    r -> new Result(r));
            assertThat(result).isEqualTo("settled");
        } finally {
            clock.reset();
        }
    }

    @Test
    void shouldKeepTheLeaseOfAJobWaitingForAThread() {
        Jobs jobs = new Jobs(jdbc, txm, JsonMapper.builder().build(), clock, LEASE, "a", Duration.ofMillis(20));
        LongJobs longJobs = new LongJobs(jobs, 1, 1);
        CountDownLatch go = new CountDownLatch(1);
        String subject = subject();
        try {
            longJobs.submit("pregen", subject(), "ops-1", 1, p -> {
                hold(go);
                return new Nothing();
            });
            long waiting = longJobs.submit("pregen", subject, "ops-1", 1, p -> new Rendered(1))
                    .runId();
            java.time.Instant first = leaseUntil(waiting);
            clock.advance(Duration.ofMinutes(4));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> leaseUntil(waiting).isAfter(first));
            clock.advance(Duration.ofMinutes(4));

            assertThat(jobs.byId(waiting).orElseThrow().status())
                    .as("8 minutes in the queue")
                    .isEqualTo(JobRun.Status.RUNNING);
            assertThat(replica("b").start("pregen", subject, "ops-2").started())
                    .as("not taken over")
                    .isFalse();

            go.countDown();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> jobs.byId(waiting).orElseThrow().status() == JobRun.Status.DONE);
        } finally {
            go.countDown();
            longJobs.destroy();
            clock.reset();
        }
    }

    @Test
    void shouldSkipTheBodyOfAQueuedJobThatLostItsLease() {
        Jobs jobs = replica("a");
        LongJobs longJobs = new LongJobs(jobs, 1, 2);
        CountDownLatch go = new CountDownLatch(1);
        AtomicBoolean ran = new AtomicBoolean();
        try {
            longJobs.submit("pregen", subject(), "ops-1", 1, p -> {
                hold(go);
                return new Nothing();
            });
            long lost = longJobs.submit("pregen", subject(), "ops-1", 1, p -> {
                        ran.set(true);
                        return new Nothing();
                    })
                    .runId();
            long after = longJobs.submit("pregen", subject(), "ops-1", 1, p -> new Nothing())
                    .runId();
            jobs.fail(lost, "taken over");

            go.countDown();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> jobs.byId(after).orElseThrow().status() == JobRun.Status.DONE);
            assertThat(ran).as("its body never ran").isFalse();
            assertThat(jobs.byId(lost).orElseThrow().error()).isEqualTo("taken over");
        } finally {
            go.countDown();
            longJobs.destroy();
        }
    }

    private static java.time.Instant leaseUntil(long runId) {
        return jdbc.queryForObject("SELECT lease_until FROM job_run WHERE id = ?", java.sql.Timestamp.class, runId)
                .toInstant();
    }

    private static void hold(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never let the job go on");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
