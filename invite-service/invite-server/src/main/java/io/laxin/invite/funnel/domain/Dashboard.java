package io.laxin.invite.funnel.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The operators' dashboard: a trend per UTC day over all campaigns, today's figures, how many campaigns are in each
 * status, and per campaign the decomposition a private-domain team plans with — GMV = traffic × conversion × order
 * value × fission rate × LTV — from the suite's own numbers. Figures reward-service owns are null while it cannot be
 * reached ({@code rewardsAvailable} false).
 */
public record Dashboard(
        Instant from,
        Instant to,
        Instant computedAt,
        Map<String, Long> statusCounts,
        Day today,
        List<Day> days,
        List<CampaignFigures> campaigns,
        boolean rewardsAvailable) {

    /**
     * @param rewardsIssued  rewards granted that day (both sides; not refused)
     * @param costPerUserFen what an invitee attributed that day cost in rewards that still stand (fen)
     */
    public record Day(
            LocalDate day,
            long touches,
            long uniqueTouches,
            long registrations,
            long attributed,
            Long rewardsIssued,
            Long costPerUserFen) {}

    /**
     * A campaign over its whole life.
     *
     * @param traffic             share-link opens (raw)
     * @param conversion          registrations / opens
     * @param kFactor             invites per referrer × conversion (the fission rate)
     * @param avgOrderValueFen    invitees' average paid order, net of refunds
     * @param ltvFen              invitees' cumulative order value per attributed invitee
     * @param inviteeOrderFen     invitees' cumulative order value (the GMV the campaign brought so far)
     */
    public record CampaignFigures(
            long campaignId,
            String name,
            String status,
            long traffic,
            long uniqueTouches,
            long registrations,
            long attributed,
            long firstOrders,
            double conversion,
            long referrers,
            double kFactor,
            Long inviteeBuyers,
            Long inviteeOrders,
            Long avgOrderValueFen,
            Long inviteeOrderFen,
            Long ltvFen) {}
}
