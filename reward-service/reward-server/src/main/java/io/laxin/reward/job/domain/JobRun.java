package io.laxin.reward.job.domain;

import java.time.Instant;

/**
 * One run of a long job (release, settlement, export) and how far it got.
 *
 * @param total   how many items it has to do, 0 when unknown up front
 * @param done    how many it has done
 * @param summary what it did, as JSON, once finished (or the error, once failed)
 */
public record JobRun(long id, String job, String subject, Status status, long total, long done, String summary,
                     String startedBy, Instant startedAt, Instant updatedAt, Instant finishedAt) {

    public enum Status { RUNNING, DONE, FAILED }

    /** Percent done, or null while the total is unknown. */
    public Integer percent() {
        if (status == Status.DONE) {
            return 100;
        }
        return total <= 0 ? null : (int) Math.min(100, done * 100 / total);
    }
}
