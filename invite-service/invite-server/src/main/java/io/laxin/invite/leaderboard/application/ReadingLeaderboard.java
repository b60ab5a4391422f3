package io.laxin.invite.leaderboard.application;

import io.laxin.invite.campaign.application.FindingCampaign;
import io.laxin.invite.leaderboard.domain.Leaderboard;
import org.springframework.stereotype.Service;

import java.util.List;

/** Query: a campaign's top referrers. */
@Service
public class ReadingLeaderboard {

    public static final int MAX = 100;

    private final FindingCampaign campaigns;
    private final Leaderboard leaderboard;

    public ReadingLeaderboard(FindingCampaign campaigns, Leaderboard leaderboard) {
        this.campaigns = campaigns;
        this.leaderboard = leaderboard;
    }

    public List<Leaderboard.Entry> top(long campaignId, int n) {
        return top(campaignId, n, MAX);
    }

    /** For sibling services (poster pre-generation): up to {@code max} places instead of {@link #MAX}. */
    public List<Leaderboard.Entry> top(long campaignId, int n, int max) {
        return leaderboard.top(campaigns.require(campaignId).id(), Math.min(Math.max(n, 1), max));
    }
}
