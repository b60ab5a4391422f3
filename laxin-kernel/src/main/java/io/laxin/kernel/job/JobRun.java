package io.laxin.kernel.job;

import java.time.Instant;

/**
 * One run of a long job (a release, a settlement, an export, an analysis, a poster pre-generation) and how far it
 * got. A run that is still RUNNING after its lease ran out was abandoned — its process died or lost the database —
 * and reads as FAILED; another run of the same job and subject may then start.
 *
 * @param job     what kind of job, e.g. {@code settlement}
 * @param subject what it works on, e.g. {@code batch:7}; at most one live run per job and subject
 * @param total   how many items it has to do, 0 when unknown up front
 * @param done    how many it has done
 * @param summary what it did, as JSON, once finished (or {@code {"error": ...}} once failed)
 * @param error   why it failed, or null
 */
public record JobRun(
        long id,
        String job,
        String subject,
        Status status,
        long total,
        long done,
        String summary,
        String error,
        String startedBy,
        Instant startedAt,
        Instant updatedAt,
        Instant finishedAt,
        String leaseOwner,
        Instant leaseUntil) {

    /** DONE rather than SUCCEEDED: the name reward-service's runs have always had, kept for its rows and console. */
    public enum Status {
        RUNNING,
        DONE,
        FAILED
    }

    public static final String ABANDONED = "abandoned: no heartbeat before its lease ran out";

    /** Percent done, or null while the total is unknown. */
    public Integer percent() {
        if (status == Status.DONE) {
            return 100;
        }
        return total <= 0 ? null : (int) Math.min(100, done * 100 / total);
    }

    /** True for a RUNNING run whose lease has passed at {@code now}. */
    public boolean abandonedAt(Instant now) {
        return status == Status.RUNNING && (leaseUntil == null || !leaseUntil.isAfter(now));
    }

    /** The run as it stands at {@code now}: an abandoned one is FAILED, with why. */
    public JobRun asOf(Instant now) {
        if (!abandonedAt(now)) {
            return this;
        }
        return new JobRun(
                id,
                job,
                subject,
                Status.FAILED,
                total,
                done,
                summary,
                ABANDONED,
                startedBy,
                startedAt,
                updatedAt,
                leaseUntil,
                leaseOwner,
                leaseUntil);
    }
}
