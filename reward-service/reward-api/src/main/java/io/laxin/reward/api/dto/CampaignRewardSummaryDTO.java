package io.laxin.reward.api.dto;

/**
 * Counts of rewards a campaign has issued.
 *
 * @param rewardsIssued every reward recorded (both sides), whatever its state
 * @param pending       rewards still in their hold period
 */
public record CampaignRewardSummaryDTO(
        long campaignId, long rewardsIssued, long referrerRewards, long inviteeRewards, long pending) {}
