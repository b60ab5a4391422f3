package io.laxin.invite.funnel.web;

import io.laxin.invite.funnel.application.ReadingCampaignStats;
import io.laxin.invite.funnel.domain.CampaignStats;
import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Operators: a campaign's funnel counts. */
@Tag(name = "Campaigns (operators)")
@RestController
public class CampaignStatsController {

    private final ReadingCampaignStats reading;

    public CampaignStatsController(ReadingCampaignStats reading) {
        this.reading = reading;
    }

    @Operation(summary = "A campaign's counts",
            description = "touches, registrations (all outcomes), attributed, pendingReview, rejected, and "
                    + "rewardsIssued from reward-service (null while it cannot be reached).")
    @GetMapping("/api/v1/admin/campaigns/{campaignId}/stats")
    public CampaignStats stats(Caller caller, @PathVariable long campaignId) {
        caller.requireStaff(Role.OPS, Role.FINANCE);
        return reading.handle(campaignId);
    }
}
