-- A pre-generation job's status, progress and lease now live in the kernel's job_run (one table of long jobs for
-- every service): poster_job keeps what the job was asked for and points at its run; each item keeps its own outcome,
-- with the error of a failed one. The progress columns stay, read only for the jobs run before this change.
ALTER TABLE poster_job ADD COLUMN job_run_id BIGINT NULL;
ALTER TABLE poster_job MODIFY COLUMN status VARCHAR(16) NULL;
ALTER TABLE poster_job_item ADD COLUMN error VARCHAR(500) NULL;
-- Jobs the code before this change left queued or running (its instance stopped, or it was deployed over them) are
-- resumed by the new code like a job that never started: no legacy status, no run; their items' outcomes stay, so
-- only the pending users are rendered. Finished jobs keep their legacy status and progress.
UPDATE poster_job SET status = NULL WHERE status <> 'FINISHED';
