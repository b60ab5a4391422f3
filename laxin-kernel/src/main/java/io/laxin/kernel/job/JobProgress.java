package io.laxin.kernel.job;

/** What a job's body reports through: its run and how far it got. Each report also renews the run's lease. */
public interface JobProgress {

    long runId();

    /**
     * @param done  items done so far
     * @param total items in all, 0 while unknown
     * @throws JobLeaseLost when the run is no longer this process's (its lease ran out and another run started)
     */
    void report(long done, long total);
}
