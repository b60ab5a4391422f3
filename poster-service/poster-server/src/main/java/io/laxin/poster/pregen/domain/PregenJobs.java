package io.laxin.poster.pregen.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: pre-generation jobs and their items. */
public interface PregenJobs {

    /**
     * Stores a queued job with its items; returns it.
     *
     * @param top how many top referrers the operator asked for, or null
     */
    PregenJob create(long campaignId, long templateId, int version, String format, Integer top,
                     List<PregenItem> items, String createdBy, Instant at);

    Optional<PregenJob> find(long jobId);

    /** The {@code limit} newest jobs, newest first. */
    List<PregenJob> recent(int limit);

    /** Items not yet processed, in order. */
    List<PregenItem> pending(long jobId);

    void markRunning(long jobId);

    /** Records one item's outcome and bumps the job's done or failed count. */
    void recordItem(long jobId, int seq, boolean ok, String error);

    void finish(long jobId, Instant at);

    /** Jobs queued or running, oldest first: what an instance that stopped mid-job left. */
    List<Long> unfinished();
}
