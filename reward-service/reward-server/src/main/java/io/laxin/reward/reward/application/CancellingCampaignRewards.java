package io.laxin.reward.reward.application;

import io.laxin.kernel.job.Jobs;
import io.laxin.reward.RewardProperties;
import io.laxin.reward.reward.domain.Reward;
import io.laxin.reward.reward.domain.Rewards;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Use case: a campaign is cancelled — every reward of it still in its hold period is REVOKED with
 * {@code CAMPAIGN_CANCELLED} (reverse posting, budget given back, {@code REWARD_REVOKED} event). Released rewards
 * are owed and stay. Works in batches of {@code laxin.reward.cancel-batch-size}, each one READ COMMITTED transaction
 * locking its rows with SKIP LOCKED, and reports its progress as a {@value #JOB} job run. Running it again revokes
 * what arrived since (or nothing).
 */
@Service
public class CancellingCampaignRewards {

    public static final String JOB = "campaign-cancellation";
    public static final String REASON = "CAMPAIGN_CANCELLED";
    private static final Logger log = LoggerFactory.getLogger(CancellingCampaignRewards.class);

    private final Rewards rewards;
    private final RewardBook book;
    private final Jobs jobs;
    private final ConflictRetry retry;
    private final TransactionTemplate tx;
    private final int batchSize;

    public CancellingCampaignRewards(
            Rewards rewards,
            RewardBook book,
            Jobs jobs,
            ConflictRetry retry,
            PlatformTransactionManager txm,
            RewardProperties properties) {
        this.batchSize = properties.cancelBatchSize();
        this.rewards = rewards;
        this.book = book;
        this.jobs = jobs;
        this.retry = retry;
        this.tx = new TransactionTemplate(txm);
        this.tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    /** What one run did. */
    public record Report(long runId, long campaignId, int revoked) {}

    /** The summary of a cancellation run: the campaign and how many of its pending rewards it revoked. */
    public record Summary(long campaignId, int revoked) {}

    public Report cancel(long campaignId, String startedBy) {
        Report report = jobs.run(
                JOB,
                "campaign:" + campaignId,
                startedBy,
                0,
                progress -> {
                    int revoked = 0;
                    int n;
                    while ((n = retry.run(() -> tx.execute(s -> revokeBatch(campaignId)))) > 0) {
                        revoked += n;
                        progress.report(revoked, revoked);
                    }
                    return new Report(progress.runId(), campaignId, revoked);
                },
                r -> new Summary(r.campaignId(), r.revoked()));
        log.info("Campaign {} cancelled by {}: {} pending reward(s) revoked", campaignId, startedBy, report.revoked());
        return report;
    }

    private int revokeBatch(long campaignId) {
        List<Reward> pending = rewards.lockPendingOfCampaign(campaignId, batchSize);
        pending.forEach(r -> book.takeBack(r, r.amount(), REASON, "campaign-cancelled"));
        return pending.size();
    }
}
