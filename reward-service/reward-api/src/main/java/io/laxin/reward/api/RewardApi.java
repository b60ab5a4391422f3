package io.laxin.reward.api;

import io.laxin.reward.api.dto.CampaignRewardSummaryDTO;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Internal reward queries for sibling services (invite-service's campaign stats), called through OpenFeign. */
public interface RewardApi {

    String SUMMARY_PATH = "/internal/rewards/campaigns/{campaignId}/summary";

    @GetMapping(SUMMARY_PATH)
    CampaignRewardSummaryDTO campaignSummary(@PathVariable("campaignId") long campaignId);
}
