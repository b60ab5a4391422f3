package io.laxin.reward.api;

import io.laxin.reward.api.dto.CampaignRewardSummaryDTO;
import io.laxin.reward.api.dto.RewardDashboardDTO;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Internal reward queries for sibling services (invite-service's campaign stats and dashboard), called through
 * OpenFeign.
 */
public interface RewardApi {

    String SUMMARY_PATH = "/internal/rewards/campaigns/{campaignId}/summary";

    String DASHBOARD_PATH = "/internal/rewards/dashboard";

    @GetMapping(SUMMARY_PATH)
    CampaignRewardSummaryDTO campaignSummary(@PathVariable("campaignId") long campaignId);

    /** Rewards and their cost per UTC day of [from, to) (whole days), and every campaign's invitee orders. */
    @GetMapping(DASHBOARD_PATH)
    RewardDashboardDTO dashboard(@RequestParam("from") Instant from, @RequestParam("to") Instant to);
}
