package io.laxin.reward.api.dto;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * reward-service's part of the operators' dashboard over [from, to): per UTC day, the rewards issued and what each
 * invitee attributed that day cost; per campaign, what its invitees have ordered so far.
 *
 * @param days      one entry per UTC day of the period, oldest first (days without rewards have zeros)
 * @param campaigns campaigns whose invitees have ordered, all time (order value net of refunds)
 */
public record RewardDashboardDTO(Instant from, Instant to, List<Day> days, List<CampaignOrders> campaigns) {

    /**
     * @param rewardsIssued      rewards granted that day (not refused, not adjustments), both sides
     * @param standingCashFen    cash of that day's rewards that still stand, net of clawbacks
     * @param standingPoints     points of that day's rewards that still stand
     * @param attributedInvitees distinct invitees attributed that day whose attribution still stands
     * @param costPerUserFen     (cash + points at the configured rate) / invitees, half-up; null without invitees
     */
    public record Day(
            LocalDate day,
            long rewardsIssued,
            long standingCashFen,
            long standingPoints,
            long attributedInvitees,
            Long costPerUserFen) {}

    /**
     * @param buyers   distinct invitees who ordered
     * @param orders   their paid orders
     * @param orderFen the orders' value net of refunds
     */
    public record CampaignOrders(long campaignId, long buyers, long orders, long orderFen) {}
}
