package io.laxin.reward.reward.web;

import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.Role;
import io.laxin.reward.api.RewardApi;
import io.laxin.reward.api.dto.CampaignRewardSummaryDTO;
import io.laxin.reward.reward.application.CancellingCampaignRewards;
import io.laxin.reward.reward.application.ReadingRewards;
import io.laxin.reward.reward.application.ReleasingRewards;
import io.laxin.reward.reward.domain.Rewards;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Rewards")
@RestController
public class RewardController {

    private final ReadingRewards reading;
    private final ReleasingRewards releasing;
    private final CancellingCampaignRewards cancelling;

    public RewardController(ReadingRewards reading, ReleasingRewards releasing, CancellingCampaignRewards cancelling) {
        this.reading = reading;
        this.releasing = releasing;
        this.cancelling = cancelling;
    }

    @Operation(
            summary = "My rewards, newest first (end users)",
            description = "PENDING rewards show the releaseAt when their hold period ends; REVOKED and REFUSED ones "
                    + "say why in statusReason; an ADJUSTMENT has a negative amount that later earnings absorb.")
    @GetMapping("/api/v1/rewards/mine")
    public List<RewardResponse> mine(Caller caller) {
        return reading.ofUser(caller.requireUser()).stream()
                .map(RewardResponse::of)
                .toList();
    }

    @Operation(
            summary = "My balances per unit (end users), from the ledger",
            description = "pending: still in the hold period; available: released and not yet settled (negative "
                    + "while an adjustment is not yet absorbed). Units: FEN, POINTS, COUPON.")
    @GetMapping("/api/v1/rewards/mine/balances")
    public List<ReadingRewards.Balance> balances(Caller caller) {
        return reading.balancesOf(caller.requireUser());
    }

    @Operation(summary = "A campaign's reward counts (internal services; staff through the admin route)")
    @GetMapping({RewardApi.SUMMARY_PATH, "/api/v1/admin/rewards/campaigns/{campaignId}/summary"})
    public CampaignRewardSummaryDTO summary(Caller caller, @PathVariable long campaignId) {
        caller.requireStaffOrService(Role.OPS, Role.FINANCE);
        Rewards.CampaignCounts c = reading.ofCampaign(campaignId);
        return new CampaignRewardSummaryDTO(
                campaignId, c.referrer() + c.invitee(), c.referrer(), c.invitee(), c.pending());
    }

    @Operation(
            summary = "Release now every reward whose hold has ended (FINANCE, ADMIN)",
            description = "The same job runs on a schedule (laxin.reward.release-interval). Safe to run alongside "
                    + "it and on several replicas. Answers what this run did; its progress is at "
                    + "/api/v1/admin/rewards/jobs/{runId}.")
    @PostMapping("/api/v1/admin/rewards/release-runs")
    public ReleasingRewards.Report release(Caller caller) {
        caller.requireStaff(Role.FINANCE, Role.ADMIN);
        return releasing.releaseDue(caller.id());
    }

    @Operation(
            summary = "Cancel a campaign's rewards still in their hold period (FINANCE, ADMIN)",
            description = "Every PENDING reward of the campaign becomes REVOKED with CAMPAIGN_CANCELLED (reverse "
                    + "posting, budget given back, REWARD_REVOKED event); released rewards are owed and stay. "
                    + "Safe to repeat: a second run revokes only what arrived since. Progress at "
                    + "/api/v1/admin/rewards/jobs/{runId}.")
    @PostMapping("/api/v1/admin/rewards/campaigns/{campaignId}/cancellation")
    public CancellingCampaignRewards.Report cancel(Caller caller, @PathVariable long campaignId) {
        caller.requireStaff(Role.FINANCE, Role.ADMIN);
        return cancelling.cancel(campaignId, caller.id());
    }
}
