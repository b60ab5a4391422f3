package io.laxin.invite.campaign.application;

import io.laxin.invite.campaign.domain.DesignatedReferrers;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Use case: operators keep the list of users designated to refer in a campaign (used while its referrers are
 * DESIGNATED; kept, and unused, while EVERYONE may refer). Adding a listed user or removing an unlisted one changes
 * nothing; the answers count what changed.
 */
@Service
public class DesignatingReferrers {

    private final FindingCampaign campaigns;
    private final DesignatedReferrers designated;
    private final Clock clock;

    public DesignatingReferrers(FindingCampaign campaigns, DesignatedReferrers designated, Clock clock) {
        this.campaigns = campaigns;
        this.designated = designated;
        this.clock = clock;
    }

    public int add(long campaignId, List<String> userIds, String operatorId) {
        return designated.add(campaigns.require(campaignId).id(), distinct(userIds), operatorId, clock.instant());
    }

    public int remove(long campaignId, List<String> userIds) {
        return designated.remove(campaigns.require(campaignId).id(), distinct(userIds));
    }

    public DesignatedReferrers.Page page(long campaignId, int page, int size) {
        return designated.page(campaigns.require(campaignId).id(), page, size);
    }

    private static List<String> distinct(List<String> userIds) {
        return userIds.stream().map(String::strip).distinct().toList();
    }
}
