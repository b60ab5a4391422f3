-- The late analysis's lease moved to the kernel's job_run (one table of long jobs for every service, with a lease per
-- job and subject); its own lock table goes.
DROP TABLE risk_job_lock;
