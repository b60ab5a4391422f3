package io.laxin.reward.reward.application;

import io.laxin.reward.reward.domain.RewardPolicy;

/**
 * Port: the reward policy of a campaign's policy version, as its owner (invite-service) states it — never as a
 * message claims it (ADR 0006). Versions are immutable: each is read from the owner once and kept. The first read
 * of a version is a remote call, so it must happen before the caller's transaction opens.
 */
public interface CampaignPolicies {

    /**
     * @throws Unavailable when the version is neither kept nor readable from its owner now (the owner is down, slow
     *                     or does not know it): nothing may be paid under it yet, the caller fails and is retried
     */
    RewardPolicy of(long campaignId, int policyVersion);

    /** The policy version cannot be had now. */
    final class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
