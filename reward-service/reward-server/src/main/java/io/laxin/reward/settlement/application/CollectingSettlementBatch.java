package io.laxin.reward.settlement.application;

import io.laxin.kernel.job.JobProgress;
import io.laxin.kernel.job.Jobs;
import io.laxin.reward.RewardProperties;
import io.laxin.reward.reward.domain.RewardBatches;
import io.laxin.reward.settlement.domain.BatchState;
import io.laxin.reward.settlement.domain.SettlementBatch;
import io.laxin.reward.settlement.domain.SettlementBatches;
import io.laxin.reward.settlement.domain.StatementLines;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Use case: collect a COLLECTING batch, set-wise and in chunks, each chunk its own transaction, with progress in a
 * {@value #JOB} job run. First the batch claims the campaign's collectable rewards, id range by id range ({@code
 * UPDATE ... WHERE id > ? AND id <= ? AND settlement_batch_id IS NULL ...}, so a concurrent batch never claims the
 * same reward); then, user range by user
 * range, one {@code INSERT ... SELECT ... GROUP BY ... HAVING} makes the lines of users who reach the minimum payout
 * and one UPDATE hands the others' rewards back (carried over: a negative adjustment waits for later earnings).
 * Progress counts each reward twice: once claimed, once summed or carried over. If it breaks off, the batch is
 * FAILED and its rewards are released.
 */
@Service
public class CollectingSettlementBatch {

    public static final String JOB = "settlement";
    private static final Logger log = LoggerFactory.getLogger(CollectingSettlementBatch.class);

    private final SettlementBatches batches;
    private final RewardBatches rewards;
    private final StatementLines lines;
    private final Jobs jobs;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int chunk;

    public CollectingSettlementBatch(
            SettlementBatches batches,
            RewardBatches rewards,
            StatementLines lines,
            Jobs jobs,
            PlatformTransactionManager txm,
            Clock clock,
            RewardProperties properties) {
        this.batches = batches;
        this.rewards = rewards;
        this.lines = lines;
        this.jobs = jobs;
        // READ COMMITTED: each chunk locks the rows it changes, without gap locks that would make concurrent
        // batches of the same campaign wait on each other
        this.tx = new TransactionTemplate(txm);
        this.tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.clock = clock;
        this.chunk = properties.settlementChunkSize();
    }

    public void collect(long batchId) {
        SettlementBatch b = batches.byId(batchId).orElseThrow();
        if (b.state() != BatchState.COLLECTING) {
            return;
        }
        long candidates = rewards.countCollectable(b.campaignId(), b.period().to());
        Jobs.Claim run = jobs.start(JOB, "batch:" + batchId, b.createdBy(), 2 * candidates);
        if (!run.started()) {
            log.info("Settlement batch {} is being collected by run {}", batchId, run.runId());
            return;
        }
        batches.attachRun(batchId, run.runId());
        try {
            Collected c = jobs.carryOut(run.runId(), progress -> collectAll(b, progress), collected -> collected);
            log.info(
                    "Settlement batch {} collected: {} reward(s), {} line(s), {} user(s) carried over",
                    batchId,
                    c.claimedRewards(),
                    c.lines(),
                    c.carriedOverUsers());
        } catch (RuntimeException e) {
            abandon(batchId, "collecting failed: " + e.getClass().getSimpleName());
            throw e;
        }
    }

    /** What a collection did, also the summary of its job run (written as JSON with these names). */
    public record Collected(long batchId, long claimedRewards, long lines, long carriedOverUsers) {}

    private Collected collectAll(SettlementBatch b, JobProgress progress) {
        long batchId = b.id();
        long done = 0;
        long claimed = 0;
        long afterId = 0;
        Optional<RewardBatches.Claimed> c;
        while ((c = inTx(claimAfter(b, afterId))).isPresent()) {
            afterId = c.get().lastId();
            claimed += c.get().rewards();
            done += c.get().rewards();
            progress.report(done, 2 * claimed);
        }
        long carried = 0;
        long lineCount = 0;
        String after = "";
        List<RewardBatches.UserRewards> users;
        while (!(users = rewards.usersAfter(batchId, after, chunk)).isEmpty()) {
            String lo = after;
            String hi = users.get(users.size() - 1).userId();
            int added = inTx(() -> {
                int a = lines.addFromCollectedRewards(batchId, lo, hi, b.minPayoutFen());
                rewards.releaseCarriedOver(batchId, lo, hi);
                return a;
            });
            lineCount += added;
            carried += users.size() - added;
            done += users.stream().mapToLong(RewardBatches.UserRewards::rewards).sum();
            progress.report(done, 2 * claimed);
            after = hi;
        }
        batches.collected(batchId, carried, clock.instant());
        return new Collected(batchId, claimed, lineCount, carried);
    }

    /**
     * Fails the batches whose collector died mid-way (the process stopped between two chunks: no progress for
     * {@code quietFor}) and releases their rewards to the next batch, so nothing stays claimed for ever.
     *
     * @return how many batches were failed
     */
    public int recoverStuck(Duration quietFor) {
        int failed = 0;
        for (long batchId : batches.collectingQuietSince(clock.instant().minus(quietFor))) {
            if (abandon(batchId, "collecting stopped (no progress for " + quietFor + "); create the batch again")) {
                log.warn("Settlement batch {} stopped collecting; failed it and released its rewards", batchId);
                failed++;
            }
        }
        return failed;
    }

    /** COLLECTING → FAILED, its lines removed and its rewards released, in one transaction. */
    private boolean abandon(long batchId, String reason) {
        return Boolean.TRUE.equals(tx.execute(s -> {
            if (!batches.failed(batchId, reason, clock.instant())) {
                return false;
            }
            lines.removeAll(batchId);
            rewards.releaseAll(batchId);
            return true;
        }));
    }

    private Supplier<Optional<RewardBatches.Claimed>> claimAfter(SettlementBatch b, long afterId) {
        return () -> rewards.claimNext(b.id(), b.campaignId(), b.period().to(), afterId, chunk);
    }

    private <T> T inTx(Supplier<T> work) {
        return tx.execute(s -> work.get());
    }
}
