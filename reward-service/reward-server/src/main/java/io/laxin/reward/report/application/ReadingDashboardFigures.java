package io.laxin.reward.report.application;

import io.laxin.kernel.api.CommonErrorCode;
import io.laxin.kernel.error.LaxinException;
import io.laxin.reward.api.dto.RewardDashboardDTO;
import io.laxin.reward.report.domain.AcquisitionCost;
import io.laxin.reward.report.domain.DashboardFigures;
import io.laxin.reward.reward.domain.RewardCosts;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Query: reward-service's part of the operators' dashboard — per UTC day the rewards issued and the cost per
 * acquired user (the finance report's rule, per day), and per campaign its invitees' orders.
 */
@Service
public class ReadingDashboardFigures {

    static final Duration LONGEST = Duration.ofDays(366);

    private final DashboardFigures figures;
    private final RewardCosts costs;

    public ReadingDashboardFigures(DashboardFigures figures, RewardCosts costs) {
        this.figures = figures;
        this.costs = costs;
    }

    @Transactional(readOnly = true)
    public RewardDashboardDTO read(Instant from, Instant to) {
        if (!to.isAfter(from) || Duration.between(from, to).compareTo(LONGEST) > 0) {
            throw new LaxinException(
                    CommonErrorCode.VALIDATION_FAILED, "to must be after from, and the period at most 366 days");
        }
        Map<LocalDate, DashboardFigures.DayFigures> byDay = figures.days(from, to).stream()
                .collect(Collectors.toMap(DashboardFigures.DayFigures::day, Function.identity()));
        List<RewardDashboardDTO.Day> days = new ArrayList<>();
        LocalDate last = LocalDate.ofInstant(to.minusMillis(1), ZoneOffset.UTC);
        for (LocalDate d = LocalDate.ofInstant(from, ZoneOffset.UTC); !d.isAfter(last); d = d.plusDays(1)) {
            DashboardFigures.DayFigures f = byDay.getOrDefault(d, new DashboardFigures.DayFigures(d, 0, 0, 0, 0));
            AcquisitionCost cost = AcquisitionCost.of(
                    f.attributedInvitees(), f.standingCashFen(), f.standingPoints(), costs.fenPerHundredPoints());
            days.add(new RewardDashboardDTO.Day(
                    d,
                    f.rewardsIssued(),
                    f.standingCashFen(),
                    f.standingPoints(),
                    f.attributedInvitees(),
                    cost.perUserFen()));
        }
        List<RewardDashboardDTO.CampaignOrders> campaigns = figures.inviteeOrders().stream()
                .map(c -> new RewardDashboardDTO.CampaignOrders(c.campaignId(), c.buyers(), c.orders(), c.orderFen()))
                .toList();
        return new RewardDashboardDTO(from, to, days, campaigns);
    }
}
