package io.laxin.reward.reward.application;

import io.laxin.reward.reward.domain.Reward;
import io.laxin.reward.reward.domain.Rewards;
import org.springframework.stereotype.Service;

import java.util.List;

/** Queries: a user's rewards, a campaign's counts. */
@Service
public class ReadingRewards {

    private static final int PAGE = 100;

    private final Rewards rewards;

    public ReadingRewards(Rewards rewards) {
        this.rewards = rewards;
    }

    public List<Reward> ofUser(String userId) {
        return rewards.ofUser(userId, PAGE);
    }

    public Rewards.CampaignCounts ofCampaign(long campaignId) {
        return rewards.countCampaign(campaignId);
    }
}
