package io.laxin.reward.reward.application;

import io.laxin.kernel.messaging.ProcessedEvents;
import io.laxin.reward.reward.domain.ReferralRewardPlan;
import io.laxin.reward.reward.domain.Rewards;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

/**
 * Use case: issue both rewards of an attribution, once. The processed-event row and the rewards commit in one
 * transaction; the rewards' unique business keys are the second guard. Any failure propagates so the broker
 * redelivers.
 */
@Service
public class IssuingReferralRewards {

    private final ProcessedEvents processed;
    private final Rewards rewards;
    private final Clock clock;

    public IssuingReferralRewards(ProcessedEvents processed, Rewards rewards, Clock clock) {
        this.processed = processed;
        this.rewards = rewards;
        this.clock = clock;
    }

    /** Returns how many rewards were issued by this delivery (0 for a redelivery). */
    @Transactional
    public int handle(IssueReferralRewardsCommand command) {
        if (!processed.firstDelivery(command.consumer(), command.attribution().eventId())) {
            return 0;
        }
        return rewards.addAll(ReferralRewardPlan.rewardsFor(command.attribution(), clock.instant()));
    }
}
