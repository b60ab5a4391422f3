package io.laxin.poster.pregen.domain;

import java.time.Instant;

/**
 * A bulk pre-generation of posters for a campaign's top referrers: progress is {@code done} (rendered or already
 * cached) and {@code failed} of {@code total}. Its status comes from its run in the kernel's job_run: QUEUED until
 * the run starts, RUNNING while it holds its lease, FINISHED once it went through every user, FAILED when it broke
 * off or its process died (a later start of the service picks it up again).
 *
 * @param top   how many of the campaign's top referrers the job asked invite-service for, or null when it named
 *              users only
 * @param runId its run in job_run, null before it started (and for jobs run before job_run held them)
 */
public record PregenJob(
        long id,
        long campaignId,
        long templateId,
        int version,
        String format,
        Integer top,
        Status status,
        int total,
        int done,
        int failed,
        String lastError,
        String createdBy,
        Instant createdAt,
        Instant finishedAt,
        Long runId) {

    public enum Status {
        QUEUED,
        RUNNING,
        FINISHED,
        FAILED
    }

    /** Not done with: never started, or broken off with users left (a run holding its lease is left alone). */
    public boolean unfinished() {
        return status == Status.QUEUED
                || status == Status.RUNNING
                || (status == Status.FAILED && done + failed < total);
    }
}
