package io.laxin.reward.reward.domain;

import java.util.List;

/** Port: stored rewards; the business key is unique. */
public interface Rewards {

    /** Stores the rewards; a reward whose business key exists already is left as it is. Returns how many were new. */
    int addAll(List<Reward> rewards);

    List<Reward> ofUser(String userId, int limit);

    /** Counts by beneficiary and status for a campaign. */
    CampaignCounts countCampaign(long campaignId);

    record CampaignCounts(long referrer, long invitee, long pending) {
    }
}
