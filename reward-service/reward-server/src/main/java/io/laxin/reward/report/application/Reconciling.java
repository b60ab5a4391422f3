package io.laxin.reward.report.application;

import io.laxin.kernel.job.Jobs;
import io.laxin.reward.report.domain.Discrepancies;
import io.laxin.reward.report.domain.Discrepancy;
import io.laxin.reward.report.domain.Reconciliation;
import io.laxin.reward.report.domain.Reconciliation.Check;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;

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
    private final Jobs jobs;
    private final Clock clock;

    public Reconciling(Discrepancies discrepancies, Jobs jobs, Clock clock) {
        this.discrepancies = discrepancies;
        this.jobs = jobs;
        this.clock = clock;
    }

    public Reconciliation reconcile(Long campaignId, String startedBy) {
        List<Supplier<Check>> steps = List.of(
                () -> ledgerBalanced(campaignId),
                () -> Check.of(REWARDS_POSTED, discrepancies.mispostedRewards(campaignId, Check.SHOWN)),
                () -> payoutsMatch(campaignId));
        return jobs.run(
                JOB,
                campaignId == null ? "all-campaigns" : "campaign:" + campaignId,
                startedBy,
                steps.size(),
                progress -> {
                    List<Check> checks = new ArrayList<>();
                    for (Supplier<Check> step : steps) {
                        checks.add(step.get());
                        progress.report(checks.size(), steps.size());
                    }
                    return Reconciliation.of(progress.runId(), campaignId, clock.instant(), checks);
                },
                Summary::of);
    }

    /** The summary of a reconciliation's job run: ok, and the names of the checks that failed. */
    public record Summary(boolean ok, List<String> failed) {

        static Summary of(Reconciliation r) {
            return new Summary(
                    r.ok(),
                    r.checks().stream().filter(c -> !c.ok()).map(Check::name).toList());
        }
    }

    private Check ledgerBalanced(Long campaignId) {
        List<Discrepancy> found = new ArrayList<>(discrepancies.unbalancedUnits(campaignId));
        found.addAll(discrepancies.unbalancedPostings(campaignId, Check.SHOWN));
        return Check.of(LEDGER_BALANCED, found);
    }

    private Check payoutsMatch(Long campaignId) {
        return Check.of(PAYOUTS_MATCH, discrepancies.mismatchedPayoutLines(campaignId, Check.SHOWN));
    }
}
