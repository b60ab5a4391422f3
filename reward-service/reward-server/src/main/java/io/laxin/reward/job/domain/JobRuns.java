package io.laxin.reward.job.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port: job runs and their progress. Every write commits on its own (not in the caller's transaction), so progress
 * is visible while the job runs and a failed run is still recorded.
 */
public interface JobRuns {

    long start(String job, String subject, long total, String startedBy);

    void progress(long runId, long done, long total);

    void finish(long runId, long done, Map<String, ?> summary);

    void fail(long runId, long done, String error);

    Optional<JobRun> byId(long runId);

    List<JobRun> recent(String job, int limit);
}
