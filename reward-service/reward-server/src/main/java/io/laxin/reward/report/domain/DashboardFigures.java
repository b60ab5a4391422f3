package io.laxin.reward.report.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Port: the dashboard's reward figures, each one aggregate query grouped by UTC day or by campaign. */
public interface DashboardFigures {

    /** Per UTC day of [from, to) with any reward or attribution: issued count, standing cash and points, invitees. */
    List<DayFigures> days(Instant from, Instant to);

    /** Per campaign: its attributed invitees' paid orders, all time, net of refunds. */
    List<CampaignOrderFigures> inviteeOrders();

    record DayFigures(
            LocalDate day, long rewardsIssued, long standingCashFen, long standingPoints, long attributedInvitees) {}

    record CampaignOrderFigures(long campaignId, long buyers, long orders, long orderFen) {}
}
