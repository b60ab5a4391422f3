package io.laxin.reward.reward.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The two-sided rewards one attributed referral earns: both PENDING until the hold period has passed. */
public final class ReferralRewardPlan {

    private ReferralRewardPlan() {
    }

    /** The facts of an attribution that decide its rewards. */
    public record Attribution(String eventId, long referralId, long campaignId, int policyVersion,
                              String referrerUserId, String inviteeUserId, RewardKind referrerKind,
                              long referrerAmount, RewardKind inviteeKind, long inviteeAmount, int holdDays,
                              Instant attributedAt) {
    }

    public static List<Reward> rewardsFor(Attribution a, Instant now) {
        Instant releaseAt = a.attributedAt().plus(Duration.ofDays(a.holdDays()));
        return List.of(
                reward(a, Beneficiary.REFERRER, a.referrerUserId(), a.referrerKind(), a.referrerAmount(), releaseAt, now),
                reward(a, Beneficiary.INVITEE, a.inviteeUserId(), a.inviteeKind(), a.inviteeAmount(), releaseAt, now));
    }

    private static Reward reward(Attribution a, Beneficiary who, String userId, RewardKind kind, long amount,
                                 Instant releaseAt, Instant now) {
        return new Reward(null, a.campaignId(), a.referralId(), userId, who, kind, amount, RewardStatus.PENDING,
                releaseAt, "referral:" + a.referralId() + ":" + who.name(), a.eventId(), a.policyVersion(), now);
    }
}
