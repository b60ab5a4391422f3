-- job_run becomes the kernel's table of long jobs (kernel R__kernel_job_run.sql creates it in the other services):
-- the rows stay; each run gains the lease that keeps a second run of the same job and subject out, and its error.
ALTER TABLE job_run ADD COLUMN error VARCHAR(1000) NULL;
ALTER TABLE job_run ADD COLUMN lease_owner VARCHAR(128) NULL;
ALTER TABLE job_run ADD COLUMN lease_until DATETIME(3) NULL;
ALTER TABLE job_run ADD COLUMN lease_key VARCHAR(130) NULL;
CREATE UNIQUE INDEX uk_job_run_lease ON job_run (lease_key);
