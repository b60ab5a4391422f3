package io.laxin.invite.campaign.domain;

import java.util.List;
import java.util.Optional;

/** Port: stored campaigns, each with the reward policy of its current version (kept by {@link CampaignPolicies}). */
public interface Campaigns {

    /** Stores a new campaign row; its policy version is stored separately through {@link CampaignPolicies}. */
    Campaign add(Campaign campaign);

    Optional<Campaign> find(long id);

    /** Finds the campaign and locks its row until the transaction ends, so edits and transitions go one at a time. */
    Optional<Campaign> lock(long id);

    /** Stores the campaign's fields, status and current policy version. */
    void update(Campaign campaign);

    /** Campaigns newest first, filtered by status (null for all) and a part of the name (null for any). */
    Page search(Query query);

    record Query(CampaignStatus status, String nameContains, int page, int size) {}

    record Page(List<Campaign> items, long total, int page, int size) {}
}
