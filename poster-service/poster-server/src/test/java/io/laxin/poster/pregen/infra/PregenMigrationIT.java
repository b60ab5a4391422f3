package io.laxin.poster.pregen.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.laxin.testsupport.TestInfrastructure;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** V3 moves a job's status to job_run: jobs the earlier code left unfinished become resumable, finished ones stay. */
class PregenMigrationIT {

    @Test
    void shouldMakeJobsLeftQueuedOrRunningByTheEarlierCodeResumable() {
        TestInfrastructure.MySql server = TestInfrastructure.mysql();
        String url = TestInfrastructure.createDatabase("pregen_migration");
        DriverManagerDataSource ds = new DriverManagerDataSource(url, server.user(), server.password());
        Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/kernel", "classpath:db/poster")
                .target("2")
                .load()
                .migrate();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        long queued = legacyJob(jdbc, "QUEUED");
        long running = legacyJob(jdbc, "RUNNING");
        long finished = legacyJob(jdbc, "FINISHED");

        Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/kernel", "classpath:db/poster")
                .load()
                .migrate();

        assertThat(status(jdbc, queued)).as("resumable: no legacy status").isNull();
        assertThat(status(jdbc, running)).isNull();
        assertThat(status(jdbc, finished)).as("read as before").isEqualTo("FINISHED");
        assertThat(jdbc.queryForList(
                        "SELECT id FROM poster_job WHERE status IS NULL AND job_run_id IS NULL ORDER BY id",
                        Long.class))
                .as("what resuming picks up (PregenJobMapper.notDone)")
                .containsExactly(queued, running);
    }

    private static long legacyJob(JdbcTemplate jdbc, String status) {
        jdbc.update(
                "INSERT INTO poster_job (campaign_id, template_id, version, format, status, total, created_by, "
                        + "created_at) VALUES (42, 1, 1, 'PNG', ?, 1, 'ops-1', NOW(3))",
                status);
        return jdbc.queryForObject("SELECT MAX(id) FROM poster_job", Long.class);
    }

    private static String status(JdbcTemplate jdbc, long id) {
        return jdbc.queryForObject("SELECT status FROM poster_job WHERE id = ?", String.class, id);
    }
}
