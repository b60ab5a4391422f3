package io.laxin.invite.funnel.web;

import io.laxin.invite.funnel.application.ReadingCampaignStats;
import io.laxin.invite.funnel.application.ReadingDashboard;
import io.laxin.invite.funnel.application.ReadingFunnel;
import io.laxin.invite.funnel.domain.CampaignStats;
import io.laxin.invite.funnel.domain.Dashboard;
import io.laxin.invite.funnel.domain.Funnel;
import io.laxin.invite.funnel.domain.KFactor;
import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operators: a campaign's funnel counts, and the dashboard over all campaigns. */
@Tag(name = "Campaigns (operators)")
@RestController
public class CampaignStatsController {

    private final ReadingCampaignStats reading;
    private final ReadingFunnel funnel;
    private final ReadingDashboard dashboard;

    public CampaignStatsController(ReadingCampaignStats reading, ReadingFunnel funnel, ReadingDashboard dashboard) {
        this.reading = reading;
        this.funnel = funnel;
        this.dashboard = dashboard;
    }

    @Operation(
            summary = "The operators' dashboard: trends, campaign status counts and each campaign's GMV factors",
            description = "Per UTC day of the last `days` (1–90, default 30): touches, unique touches, "
                    + "registrations, attributed (all campaigns), rewards issued and cost per acquired user "
                    + "(reward-service; null while it cannot be reached); `today` is the last day. Per campaign, "
                    + "over its life: traffic (opens), conversion (registrations / opens), K-factor, and its "
                    + "invitees' orders — average order value, cumulative order value and LTV per invitee (fen).")
    @GetMapping("/api/v1/admin/dashboard")
    public Dashboard dashboard(Caller caller, @RequestParam(defaultValue = "30") int days) {
        caller.requireStaff(Role.OPS, Role.FINANCE);
        return dashboard.read(days);
    }

    @Operation(
            summary = "A campaign's fission funnel by day (UTC) and channel",
            description = "touches (raw, unique) → registrations → attributed → first orders, per day and channel, "
                    + "with totals; default period: the campaign's start until now. Registrations, attributed and "
                    + "first orders count by registration day (a cohort: first orders are those of that day's "
                    + "attributed invitees, whenever paid).")
    @GetMapping("/api/v1/admin/campaigns/{campaignId}/funnel")
    public Funnel funnel(
            Caller caller,
            @PathVariable long campaignId,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to) {
        caller.requireStaff(Role.OPS, Role.FINANCE);
        return funnel.funnel(campaignId, from, to);
    }

    @Operation(
            summary = "A campaign's K-factor over a period",
            description = "invites per referrer (unique opens / users holding a code) × conversion (attributed / "
                    + "unique opens).")
    @GetMapping("/api/v1/admin/campaigns/{campaignId}/k-factor")
    public KFactor kFactor(
            Caller caller,
            @PathVariable long campaignId,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to) {
        caller.requireStaff(Role.OPS, Role.FINANCE);
        return funnel.kFactor(campaignId, from, to);
    }

    @Operation(
            summary = "A campaign's counts",
            description = "touches, registrations (all outcomes), attributed, pendingReview, rejected, and "
                    + "rewardsIssued from reward-service (null while it cannot be reached).")
    @GetMapping("/api/v1/admin/campaigns/{campaignId}/stats")
    public CampaignStats stats(Caller caller, @PathVariable long campaignId) {
        caller.requireStaff(Role.OPS, Role.FINANCE);
        return reading.handle(campaignId);
    }
}
