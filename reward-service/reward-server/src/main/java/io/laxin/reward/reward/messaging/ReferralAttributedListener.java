package io.laxin.reward.reward.messaging;

import io.laxin.invite.api.event.ReferralAttributedEvent;
import io.laxin.invite.api.event.ReferralEventTags;
import io.laxin.kernel.messaging.IdempotentListener;
import io.laxin.kernel.messaging.Topics;
import io.laxin.reward.reward.application.IssueReferralRewardsCommand;
import io.laxin.reward.reward.application.IssuingReferralRewards;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.springframework.stereotype.Component;

/**
 * Turns referral-attributed events into rewards, under the policy version the use case reads from invite-service.
 * Redelivery is harmless (see the use case).
 */
@Component
@RocketMQMessageListener(
        topic = Topics.REFERRAL_TOPIC,
        consumerGroup = "${spring.application.name}-referral-rewards",
        selectorExpression = ReferralEventTags.ATTRIBUTED)
public class ReferralAttributedListener extends IdempotentListener<ReferralAttributedEvent> {

    private final IssuingReferralRewards issuing;

    public ReferralAttributedListener(IssuingReferralRewards issuing) {
        this.issuing = issuing;
    }

    @Override
    public void handle(ReferralAttributedEvent e) {
        // a version 1 payload (migration window, ReferralAttributedEvent.OLDEST_READ_VERSION) also claims amounts:
        // they are not read (ADR 0006)
        var command = new IssueReferralRewardsCommand(
                consumer(),
                e.eventId(),
                e.referralId(),
                e.campaignId(),
                e.referrerUserId(),
                e.inviteeUserId(),
                e.policyVersion(),
                e.attributedAt());
        var outcome = issuing.handle(command);
        log.info(
                "Referral {} (event {}): {} reward(s) granted, {} refused",
                e.referralId(),
                e.eventId(),
                outcome.granted(),
                outcome.refused());
    }
}
