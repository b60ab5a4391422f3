package io.laxin.invite.campaign.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: every version of each campaign's reward policy, in full. Versions of a launched campaign never change, so a
 * referral's (campaign, policy version) names exactly the policy it was decided under.
 */
public interface CampaignPolicies {

    record Version(long campaignId, int version, RewardPolicy policy, Instant createdAt, String createdBy) {}

    void add(long campaignId, int version, RewardPolicy policy, String createdBy);

    /** Overwrites a version in place: only for a DRAFT's version 1, which no referral has used. */
    void replace(long campaignId, int version, RewardPolicy policy, String createdBy);

    Optional<RewardPolicy> find(long campaignId, int version);

    /** All versions of the campaigns' policies (for listings), in no particular order. */
    List<Version> allOf(List<Long> campaignIds);

    /** The campaign's versions, newest first. */
    List<Version> history(long campaignId);
}
