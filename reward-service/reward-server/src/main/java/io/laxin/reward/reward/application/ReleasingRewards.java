package io.laxin.reward.reward.application;

import io.laxin.kernel.job.JobProgress;
import io.laxin.kernel.job.Jobs;
import io.laxin.reward.RewardProperties;
import io.laxin.reward.reward.domain.Reward;
import io.laxin.reward.reward.domain.Rewards;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Use case: release every PENDING reward whose hold has ended. Works in batches, each one transaction that locks
 * its rows with {@code FOR UPDATE SKIP LOCKED}: jobs on several replicas split the work and never release a reward
 * twice (the conditional status change and the posting's unique id are the second and third guard). Each run is
 * recorded with its progress and what it did.
 */
@Service
public class ReleasingRewards {

    public static final String JOB = "release";
    private static final Logger log = LoggerFactory.getLogger(ReleasingRewards.class);

    private final Rewards rewards;
    private final RewardBook book;
    private final Jobs jobs;
    private final ConflictRetry retry;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int batchSize;

    public ReleasingRewards(
            Rewards rewards,
            RewardBook book,
            Jobs jobs,
            ConflictRetry retry,
            PlatformTransactionManager txm,
            Clock clock,
            RewardProperties properties) {
        this.batchSize = properties.releaseBatchSize();
        this.rewards = rewards;
        this.book = book;
        this.jobs = jobs;
        this.retry = retry;
        // READ COMMITTED: the locking read takes no gap locks, so two replicas' batches cannot deadlock on the index
        this.tx = new TransactionTemplate(txm);
        this.tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.clock = clock;
    }

    /** What one run did; {@code runId} is null when nothing was due (such runs are not recorded). */
    public record Report(Long runId, int released, int batches) {}

    /** The summary of a release run: what it released, in how many batches, of the rewards due before when. */
    public record Summary(int released, int batches, Instant dueBefore) {}

    /** One batch in one transaction; one that loses a deadlock or lock timeout is run again. */
    private Integer releaseBatch(Instant now, int batchSize) {
        return retry.run(() -> tx.execute(s -> {
            List<Reward> due = rewards.lockReleasable(now, batchSize);
            int done = 0;
            for (Reward r : due) {
                if (book.release(r)) {
                    done++;
                }
            }
            return due.isEmpty() ? -1 : done;
        }));
    }

    /** Releases what is due in batches of {@code laxin.reward.release-batch-size} (by the scheduler or by hand). */
    public Report releaseDue(String startedBy) {
        return releaseDue(startedBy, batchSize);
    }

    public Report releaseDue(String startedBy, int batchSize) {
        Instant now = clock.instant();
        Integer first = releaseBatch(now, batchSize);
        if (first == null || first < 0) {
            return new Report(null, 0, 0);
        }
        // something was due: from here on the run is recorded, the first batch counted in it; shared, as runs on
        // several replicas split the work
        Report report = jobs.runShared(
                JOB,
                "due-before:" + now,
                startedBy,
                0,
                progress -> releaseRest(now, batchSize, first, progress),
                r -> new Summary(r.released(), r.batches(), now));
        log.info(
                "Release run {}: {} reward(s) released in {} batch(es)",
                report.runId(),
                report.released(),
                report.batches());
        return report;
    }

    private Report releaseRest(Instant now, int batchSize, int first, JobProgress progress) {
        int released = first;
        int batches = 1;
        progress.report(released, released);
        Integer n;
        while ((n = releaseBatch(now, batchSize)) != null && n >= 0) {
            released += n;
            batches++;
            progress.report(released, released);
        }
        return new Report(progress.runId(), released, batches);
    }
}
