package io.laxin.reward.reward.application;

import io.laxin.reward.job.domain.JobRuns;
import io.laxin.reward.reward.domain.Reward;
import io.laxin.reward.reward.domain.Rewards;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

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
    private final JobRuns jobs;
    private final ConflictRetry retry;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int batchSize;

    public ReleasingRewards(Rewards rewards, RewardBook book, JobRuns jobs, ConflictRetry retry,
                            PlatformTransactionManager txm, Clock clock,
                            @Value("${laxin.reward.release-batch-size:500}") int batchSize) {
        this.batchSize = batchSize;
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
    public record Report(Long runId, int released, int batches) {
    }

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
        Long run = null;
        int released = 0;
        int batches = 0;
        try {
            while (true) {
                Integer n = releaseBatch(now, batchSize);
                if (n == null || n < 0) {
                    break;
                }
                if (run == null) {
                    run = jobs.start(JOB, "due-before:" + now, 0, startedBy);
                }
                released += n;
                batches++;
                jobs.progress(run, released, released);
            }
        } catch (RuntimeException e) {
            if (run != null) {
                jobs.fail(run, released, e.getMessage());
            }
            throw e;
        }
        if (run != null) {
            jobs.finish(run, released, Map.of("released", released, "batches", batches, "dueBefore", now.toString()));
            log.info("Release run {}: {} reward(s) released in {} batch(es)", run, released, batches);
        }
        return new Report(run, released, batches);
    }
}
