package io.laxin.reward.reward.application;

import java.time.Instant;

/**
 * Issue the rewards of one attributed referral: the facts its event states (who, which campaign and policy version,
 * when). What they are worth is the policy version as invite-service holds it ({@link CampaignPolicies}), never a
 * value from the message. {@code consumer} is the listener's consumer group.
 */
public record IssueReferralRewardsCommand(
        String consumer,
        String eventId,
        long referralId,
        long campaignId,
        String referrerUserId,
        String inviteeUserId,
        int policyVersion,
        Instant attributedAt) {}
