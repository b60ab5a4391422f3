package io.laxin.kernel.job;

/** A run reported progress after it had ended or lost its lease to another run: its work should stop. */
public class JobLeaseLost extends IllegalStateException {

    public JobLeaseLost(long runId) {
        super("Job run " + runId + " no longer holds its lease");
    }
}
