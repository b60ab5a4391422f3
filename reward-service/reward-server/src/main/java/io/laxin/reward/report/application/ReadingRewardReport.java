package io.laxin.reward.report.application;

import io.laxin.reward.report.domain.AcquisitionCost;
import io.laxin.reward.report.domain.ByKind;
import io.laxin.reward.report.domain.ReportPeriod;
import io.laxin.reward.report.domain.RewardFigures;
import io.laxin.reward.report.domain.RewardReport;
import io.laxin.reward.reward.domain.RewardCosts;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case: the finance report of a period. Every figure is an aggregate query (a handful in all, whatever the
 * number of rewards), read in one read-only transaction so the figures agree with each other.
 */
@Service
public class ReadingRewardReport {

    public static final int TOP = 10;

    private final RewardFigures figures;
    private final RewardCosts costs;
    private final Clock clock;

    public ReadingRewardReport(RewardFigures figures, RewardCosts costs, Clock clock) {
        this.figures = figures;
        this.costs = costs;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public RewardReport report(ReportPeriod period) {
        ByKind standing = figures.standing(period);
        AcquisitionCost acquisition = AcquisitionCost.of(
                figures.attributedInvitees(period),
                standing.cash().amount(),
                standing.points().amount(),
                costs.fenPerHundredPoints());
        return new RewardReport(
                period,
                clock.instant(),
                figures.movements(period),
                figures.budget(period.campaignId()),
                acquisition,
                figures.topReferrers(period, RewardFigures.ReferrerRanking.INVITEES, TOP),
                figures.topReferrers(period, RewardFigures.ReferrerRanking.CASH, TOP),
                figures.refusedAndRevoked(period));
    }
}
