package io.laxin.invite.funnel.infra;

import io.laxin.invite.funnel.domain.RewardCounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.OptionalLong;

@Component
class FeignRewardCounts implements RewardCounts {

    private static final Logger log = LoggerFactory.getLogger(FeignRewardCounts.class);

    private final RewardClient client;

    FeignRewardCounts(RewardClient client) {
        this.client = client;
    }

    @Override
    public OptionalLong issued(long campaignId) {
        try {
            return OptionalLong.of(client.campaignSummary(campaignId).rewardsIssued());
        } catch (RuntimeException e) {
            log.warn("reward-service summary for campaign {} unavailable: {}", campaignId, e.toString());
            return OptionalLong.empty();
        }
    }
}
