package io.laxin.invite.leaderboard.application;

import io.laxin.invite.campaign.application.FindingCampaign;
import io.laxin.invite.leaderboard.domain.Leaderboard;
import java.util.List;
import org.springframework.stereotype.Service;

/** Query: a campaign's top referrers (the board is rebuilt from MySQL first when Redis lost it). */
@Service
public class ReadingLeaderboard {

    public static final int MAX = 100;

    private final FindingCampaign campaigns;
    private final Leaderboard leaderboard;
    private final RebuildingLeaderboard rebuilding;

    public ReadingLeaderboard(FindingCampaign campaigns, Leaderboard leaderboard, RebuildingLeaderboard rebuilding) {
        this.campaigns = campaigns;
        this.leaderboard = leaderboard;
        this.rebuilding = rebuilding;
    }

    public List<Leaderboard.Entry> top(long campaignId, int n) {
        return top(campaignId, n, MAX);
    }

    /** For sibling services (poster pre-generation): up to {@code max} places instead of {@link #MAX}. */
    public List<Leaderboard.Entry> top(long campaignId, int n, int max) {
        long id = campaigns.require(campaignId).id();
        rebuilding.ensureBuilt(id);
        return leaderboard.top(id, Math.min(Math.max(n, 1), max));
    }
}
