-- Long jobs of every service (kernel Jobs / LongJobs): one row per run with its progress, its outcome, and the lease
-- that keeps a second run of the same job and subject from starting while one is alive.
-- Repeatable and idempotent rather than versioned: the kernel's versions sit below every service's own, so a new
-- versioned kernel script would be refused by Flyway's validation on databases that already ran the service's later
-- versions. Repeatable scripts run after the versioned ones: reward-service, which created job_run in its V2, brings
-- its table to this shape in its V11 (rows kept), so this statement finds it there and leaves it alone.
-- Portable as written (MariaDB, MySQL 8.4, H2): no ADD COLUMN / CREATE INDEX IF NOT EXISTS, which MySQL lacks.
CREATE TABLE IF NOT EXISTS job_run (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    job          VARCHAR(32)   NOT NULL,
    subject      VARCHAR(96)   NULL,
    status       VARCHAR(16)   NOT NULL,
    total        BIGINT        NOT NULL,
    done         BIGINT        NOT NULL,
    summary      TEXT          NULL,
    error        VARCHAR(1000) NULL,
    started_by   VARCHAR(64)   NULL,
    started_at   DATETIME(3)   NOT NULL,
    -- the heartbeat: set by every progress report
    updated_at   DATETIME(3)   NOT NULL,
    finished_at  DATETIME(3)   NULL,
    -- who runs it and until when; a RUNNING run whose lease has passed was abandoned (its process died)
    lease_owner  VARCHAR(128)  NULL,
    lease_until  DATETIME(3)   NULL,
    -- job and subject while the run holds its lease, NULL once it ends: at most one live run per job and subject
    lease_key    VARCHAR(130)  NULL,
    CONSTRAINT uk_job_run_lease UNIQUE (lease_key)
);
