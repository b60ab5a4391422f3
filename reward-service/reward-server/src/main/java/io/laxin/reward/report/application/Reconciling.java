package io.laxin.reward.report.application;

import io.laxin.reward.job.domain.JobRuns;
import io.laxin.reward.report.domain.Discrepancies;
import io.laxin.reward.report.domain.Reconciliation;
import io.laxin.reward.report.domain.Reconciliation.Check;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Use case: reconcile the books. Proves (1) the ledger balances, in total per unit and posting by posting;
 * (2) every reward has the postings its status implies and its CAMPAIGN_EXPENSE entries sum to its amount;
 * (3) every line of a PAID settlement batch equals that user's PAID rewards in the batch. Each run is a job run ({@value #JOB}, one step per check) so a slow run shows progress and
 * its outcome stays on record.
 */
@Service
public class Reconciling {

    public static final String JOB = "reconciliation";
    public static final String LEDGER_BALANCED = "ledger-balanced";
    public static final String REWARDS_POSTED = "rewards-posted";
    public static final String PAYOUTS_MATCH = "payouts-match";

    private final Discrepancies discrepancies;
    private final JobRuns jobs;
    private final Clock clock;

    public Reconciling(Discrepancies discrepancies, JobRuns jobs, Clock clock) {
        this.discrepancies = discrepancies;
        this.jobs = jobs;
        this.clock = clock;
    }

    public Reconciliation reconcile(Long campaignId, String startedBy) {
        List<Supplier<Check>> steps = List.of(() -> ledgerBalanced(campaignId),
                () -> Check.of(REWARDS_POSTED, discrepancies.mispostedRewards(campaignId, Check.SHOWN)),
                () -> payoutsMatch(campaignId));
        long run = jobs.start(JOB, campaignId == null ? "all-campaigns" : "campaign:" + campaignId, steps.size(),
                startedBy);
        List<Check> checks = new ArrayList<>();
        try {
            for (Supplier<Check> step : steps) {
                checks.add(step.get());
                jobs.progress(run, checks.size(), steps.size());
            }
        } catch (RuntimeException e) {
            jobs.fail(run, checks.size(), e.getMessage());
            throw e;
        }
        Reconciliation result = Reconciliation.of(run, campaignId, clock.instant(), checks);
        jobs.finish(run, checks.size(), Map.of("ok", result.ok(), "failed",
                checks.stream().filter(c -> !c.ok()).map(Check::name).toList()));
        return result;
    }

    private Check ledgerBalanced(Long campaignId) {
        List<Map<String, Object>> found = new ArrayList<>(discrepancies.unbalancedUnits(campaignId));
        found.addAll(discrepancies.unbalancedPostings(campaignId, Check.SHOWN));
        return Check.of(LEDGER_BALANCED, found);
    }

    private Check payoutsMatch(Long campaignId) {
        return Check.of(PAYOUTS_MATCH, discrepancies.mismatchedPayoutLines(campaignId, Check.SHOWN));
    }
}
