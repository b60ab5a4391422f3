package io.laxin.invite.api.dto;

/**
 * One version of a campaign's reward policy, as invite-service keeps it. Versions are immutable once a referral can
 * use them, so a reader may keep the answer.
 */
public record CampaignPolicyDTO(long campaignId, int version, RewardPolicyDTO policy) {}
