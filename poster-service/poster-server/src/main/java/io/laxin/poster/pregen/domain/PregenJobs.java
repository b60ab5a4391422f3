package io.laxin.poster.pregen.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: pre-generation jobs and their items; their runs are the kernel's. */
public interface PregenJobs {

    /**
     * Stores a queued job with its items; returns it.
     *
     * @param top how many top referrers the operator asked for, or null
     */
    PregenJob create(
            long campaignId,
            long templateId,
            int version,
            String format,
            Integer top,
            List<PregenItem> items,
            String createdBy,
            Instant at);

    Optional<PregenJob> find(long jobId);

    /** The {@code limit} newest jobs, newest first. */
    List<PregenJob> recent(int limit);

    /** Items not yet processed, in order. */
    List<PregenItem> pending(long jobId);

    /** The job's run in the kernel's job_run. */
    void attachRun(long jobId, long runId);

    /** Records one item's outcome (and its error when it failed); an item already recorded stays as it was. */
    void recordItem(long jobId, int seq, boolean ok, String error);

    /** Jobs whose run has not ended well (or never started), oldest first: what an instance that stopped left. */
    List<Long> notDone();
}
