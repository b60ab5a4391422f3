package io.laxin.reward.reward.application;

import io.laxin.reward.reward.domain.ReferralRewardPlan;

/** Issue the rewards of one attributed referral, delivered by one event. */
public record IssueReferralRewardsCommand(String consumer, ReferralRewardPlan.Attribution attribution) {
}
