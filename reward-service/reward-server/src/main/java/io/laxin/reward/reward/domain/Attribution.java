package io.laxin.reward.reward.domain;

import java.time.Instant;

/** A referral as reward-service keeps it: who brought whom, when, under which policy; ACTIVE or REVOKED. */
public record Attribution(
        long referralId,
        long campaignId,
        String referrerUserId,
        String inviteeUserId,
        int policyVersion,
        RewardPolicy policy,
        Instant attributedAt,
        boolean revoked) {}
