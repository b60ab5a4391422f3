package io.laxin.invite.funnel.application;

import io.laxin.invite.campaign.application.FindingCampaign;
import io.laxin.invite.campaign.domain.Campaign;
import io.laxin.invite.code.domain.InviteCodes;
import io.laxin.invite.funnel.domain.Funnel;
import io.laxin.invite.funnel.domain.KFactor;
import io.laxin.invite.referral.domain.ReferralStatus;
import io.laxin.invite.referral.domain.Referrals;
import io.laxin.invite.touch.domain.TouchCounts;
import io.laxin.invite.touch.domain.Touches;
import io.laxin.kernel.api.CommonErrorCode;
import io.laxin.kernel.error.LaxinException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/** Queries: a campaign's funnel by day and channel, and its K-factor, over a period (default: start to today). */
@Service
public class ReadingFunnel {

    private final FindingCampaign campaigns;
    private final Touches touches;
    private final Referrals referrals;
    private final InviteCodes codes;
    private final Clock clock;

    public ReadingFunnel(
            FindingCampaign campaigns, Touches touches, Referrals referrals, InviteCodes codes, Clock clock) {
        this.campaigns = campaigns;
        this.touches = touches;
        this.referrals = referrals;
        this.codes = codes;
        this.clock = clock;
    }

    public Funnel funnel(long campaignId, Instant from, Instant to) {
        Campaign campaign = campaigns.require(campaignId);
        Instant start = from == null ? campaign.startsAt() : from;
        // by default whole UTC days, up to the end of today
        Instant end = to == null
                ? LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
                        .plusDays(1)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant()
                : to;
        if (!end.isAfter(start)) {
            throw new LaxinException(CommonErrorCode.VALIDATION_FAILED, "to must be after from");
        }
        Map<String, long[]> rows = new TreeMap<>();
        LocalDate firstDay = LocalDate.ofInstant(start, ZoneOffset.UTC);
        LocalDate lastDay = LocalDate.ofInstant(end.minusMillis(1), ZoneOffset.UTC);
        for (TouchCounts.Row t : touches.counts(campaign.id()).rows()) {
            if (!t.day().isBefore(firstDay) && !t.day().isAfter(lastDay)) {
                long[] r = rows.computeIfAbsent(t.day() + "|" + t.channel(), k -> new long[5]);
                r[0] += t.raw();
                r[1] += t.unique();
            }
        }
        for (Referrals.DailyCount d : referrals.dailyCounts(campaign.id(), start, end)) {
            long[] r = rows.computeIfAbsent(d.day() + "|" + d.channel(), k -> new long[5]);
            r[2] += d.count();
            if (d.status() == ReferralStatus.ATTRIBUTED) {
                r[3] += d.count();
                r[4] += d.firstOrders();
            }
        }
        long[] total = new long[5];
        List<Funnel.Row> list = rows.entrySet().stream()
                .map(e -> {
                    String[] k = e.getKey().split("\\|");
                    long[] v = e.getValue();
                    for (int i = 0; i < total.length; i++) {
                        total[i] += v[i];
                    }
                    return new Funnel.Row(LocalDate.parse(k[0]), k[1], v[0], v[1], v[2], v[3], v[4]);
                })
                .toList();
        return new Funnel(
                campaign.id(),
                start,
                end,
                list,
                new Funnel.Row(null, null, total[0], total[1], total[2], total[3], total[4]),
                total[4]);
    }

    public KFactor kFactor(long campaignId, Instant from, Instant to) {
        return kFactorOf(funnel(campaignId, from, to));
    }

    /** The K-factor of a funnel already read. */
    public KFactor kFactorOf(Funnel f) {
        return KFactor.of(
                f.campaignId(),
                f.from(),
                f.to(),
                codes.holdersAt(f.campaignId(), f.to()),
                f.totals().uniqueTouches(),
                f.totals().attributed());
    }
}
