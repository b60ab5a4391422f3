package io.laxin.reward.reward.web;

import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.Role;
import io.laxin.reward.api.RewardApi;
import io.laxin.reward.api.dto.CampaignRewardSummaryDTO;
import io.laxin.reward.reward.application.ReadingRewards;
import io.laxin.reward.reward.domain.Rewards;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@Tag(name = "Rewards")
@RestController
public class RewardController {

    private final ReadingRewards reading;

    public RewardController(ReadingRewards reading) {
        this.reading = reading;
    }

    @Operation(summary = "My rewards, newest first (end users)",
            description = "PENDING rewards show the releaseAt when their hold period ends.")
    @GetMapping("/api/v1/rewards/mine")
    public List<RewardResponse> mine(Caller caller) {
        return reading.ofUser(caller.requireUser()).stream().map(RewardResponse::of).toList();
    }

    @Operation(summary = "A campaign's reward counts (internal services; staff through the admin route)")
    @GetMapping({RewardApi.SUMMARY_PATH, "/api/v1/admin/rewards/campaigns/{campaignId}/summary"})
    public CampaignRewardSummaryDTO summary(Caller caller, @PathVariable long campaignId) {
        caller.requireStaffOrService(Role.OPS, Role.FINANCE);
        Rewards.CampaignCounts c = reading.ofCampaign(campaignId);
        return new CampaignRewardSummaryDTO(campaignId, c.referrer() + c.invitee(), c.referrer(), c.invitee(),
                c.pending());
    }
}
