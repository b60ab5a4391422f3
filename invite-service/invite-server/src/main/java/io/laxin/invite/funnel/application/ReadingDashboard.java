package io.laxin.invite.funnel.application;

import io.laxin.invite.campaign.application.ListingCampaigns;
import io.laxin.invite.campaign.domain.Campaign;
import io.laxin.invite.campaign.domain.CampaignStatus;
import io.laxin.invite.campaign.domain.Campaigns;
import io.laxin.invite.funnel.domain.Dashboard;
import io.laxin.invite.funnel.domain.Funnel;
import io.laxin.invite.funnel.domain.KFactor;
import io.laxin.invite.funnel.domain.RewardTrends;
import io.laxin.kernel.api.CommonErrorCode;
import io.laxin.kernel.error.LaxinException;
import io.laxin.reward.api.dto.RewardDashboardDTO;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Query: the operators' dashboard. The trend is the sum of the campaigns' funnels per UTC day (so it agrees with
 * each campaign's funnel page), the reward side comes from reward-service in one call, and the per-campaign
 * decomposition covers the {@value #CAMPAIGNS} most recent campaigns that have started.
 */
@Service
public class ReadingDashboard {

    public static final int MAX_DAYS = 90;
    static final int CAMPAIGNS = ListingCampaigns.MAX_PAGE_SIZE;

    private final Campaigns campaigns;
    private final ReadingFunnel funnels;
    private final RewardTrends rewards;
    private final Clock clock;

    public ReadingDashboard(Campaigns campaigns, ReadingFunnel funnels, RewardTrends rewards, Clock clock) {
        this.campaigns = campaigns;
        this.funnels = funnels;
        this.rewards = rewards;
        this.clock = clock;
    }

    public Dashboard read(int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw new LaxinException(CommonErrorCode.VALIDATION_FAILED, "days must be within 1.." + MAX_DAYS);
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate first = today.minusDays(days - 1L);
        Instant from = first.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();

        Map<String, Long> statusCounts = new LinkedHashMap<>();
        for (CampaignStatus s : CampaignStatus.values()) {
            statusCounts.put(
                    s.name(),
                    campaigns.search(new Campaigns.Query(s, null, 0, 1)).total());
        }
        Optional<RewardDashboardDTO> reward = rewards.over(from, to);
        Map<Long, RewardDashboardDTO.CampaignOrders> orders = reward.map(r -> r.campaigns().stream()
                        .collect(Collectors.toMap(RewardDashboardDTO.CampaignOrders::campaignId, Function.identity())))
                .orElse(Map.of());

        Map<LocalDate, long[]> trend = new TreeMap<>();
        for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
            trend.put(d, new long[4]);
        }
        List<Dashboard.CampaignFigures> figures = new ArrayList<>();
        for (Campaign c :
                campaigns.search(new Campaigns.Query(null, null, 0, CAMPAIGNS)).items()) {
            if (c.status() == CampaignStatus.DRAFT || !c.startsAt().isBefore(to)) {
                continue;
            }
            Funnel f = funnels.funnel(c.id(), null, null);
            for (Funnel.Row r : f.rows()) {
                long[] t = trend.get(r.day());
                if (t != null) {
                    t[0] += r.touches();
                    t[1] += r.uniqueTouches();
                    t[2] += r.registrations();
                    t[3] += r.attributed();
                }
            }
            figures.add(figuresOf(c, f, funnels.kFactorOf(f), orders.get(c.id()), reward.isPresent()));
        }
        Map<LocalDate, RewardDashboardDTO.Day> rewardDays = reward.map(r ->
                        r.days().stream().collect(Collectors.toMap(RewardDashboardDTO.Day::day, Function.identity())))
                .orElse(Map.of());
        List<Dashboard.Day> series = trend.entrySet().stream()
                .map(e -> {
                    RewardDashboardDTO.Day rd = rewardDays.get(e.getKey());
                    long[] t = e.getValue();
                    return new Dashboard.Day(
                            e.getKey(),
                            t[0],
                            t[1],
                            t[2],
                            t[3],
                            rd == null ? (reward.isPresent() ? 0L : null) : rd.rewardsIssued(),
                            rd == null ? null : rd.costPerUserFen());
                })
                .toList();
        return new Dashboard(
                from, to, now, statusCounts, series.get(series.size() - 1), series, figures, reward.isPresent());
    }

    private static Dashboard.CampaignFigures figuresOf(
            Campaign c, Funnel f, KFactor k, RewardDashboardDTO.CampaignOrders o, boolean rewardsKnown) {
        Funnel.Row t = f.totals();
        double conversion = t.touches() == 0 ? 0 : (double) t.registrations() / t.touches();
        Long buyers = null;
        Long count = null;
        Long value = null;
        Long average = null;
        Long ltv = null;
        if (rewardsKnown) {
            buyers = o == null ? 0 : o.buyers();
            count = o == null ? 0 : o.orders();
            value = o == null ? 0 : o.orderFen();
            average = count == 0 ? null : Math.round((double) value / count);
            ltv = t.attributed() == 0 ? null : Math.round((double) value / t.attributed());
        }
        return new Dashboard.CampaignFigures(
                c.id(),
                c.name(),
                c.status().name(),
                t.touches(),
                t.uniqueTouches(),
                t.registrations(),
                t.attributed(),
                t.firstOrders(),
                conversion,
                k.referrers(),
                k.kFactor(),
                buyers,
                count,
                average,
                value,
                ltv);
    }
}
