package io.laxin.reward.reward.application;

import io.laxin.reward.reward.domain.Attribution;

/** Issue the rewards of one attributed referral; {@code consumer} is the listener's consumer group. */
public record IssueReferralRewardsCommand(String consumer, String eventId, Attribution attribution) {
}
