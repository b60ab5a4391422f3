package io.laxin.reward.reward.messaging;

import io.laxin.antifraud.api.dto.Verdict;
import io.laxin.antifraud.api.event.RiskDecidedEvent;
import io.laxin.antifraud.api.event.RiskEventTags;
import io.laxin.kernel.messaging.IdempotentListener;
import io.laxin.kernel.messaging.Topics;
import io.laxin.reward.reward.application.RevokeRejectedReferralCommand;
import io.laxin.reward.reward.application.RevokingRejectedReferrals;
import io.laxin.reward.reward.domain.ReferralRewardPlan;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.springframework.stereotype.Component;

/**
 * Final fraud verdicts: a REJECT revokes the invitee's referral rewards (or claws them back once released). A PASS
 * needs nothing here: invite-service attributes the referral, and its ATTRIBUTED event issues the rewards.
 */
@Component
@RocketMQMessageListener(
        topic = Topics.RISK_TOPIC,
        consumerGroup = "${spring.application.name}-risk-revocations",
        selectorExpression = RiskEventTags.DECIDED)
public class RiskDecidedListener extends IdempotentListener<RiskDecidedEvent> {

    private final RevokingRejectedReferrals revoking;

    public RiskDecidedListener(RevokingRejectedReferrals revoking) {
        this.revoking = revoking;
    }

    @Override
    public void handle(RiskDecidedEvent e) {
        if (e.verdict() != Verdict.REJECT) {
            return;
        }
        var command = new RevokeRejectedReferralCommand(
                consumer(), e.eventId(), e.campaignId(), e.inviteeUserId(), ReferralRewardPlan.FRAUD_REJECTED);
        var outcome = revoking.handle(command);
        log.info(
                "Risk REJECT of invitee {} in campaign {} (event {}): {} reward(s) revoked or clawed back",
                e.inviteeUserId(),
                e.campaignId(),
                e.eventId(),
                outcome.rewardsTouched());
    }
}
