package io.laxin.reward.reward.messaging;

import io.laxin.kernel.messaging.EventPayloads;
import io.laxin.antifraud.api.dto.Verdict;
import io.laxin.antifraud.api.event.RiskDecidedEvent;
import io.laxin.antifraud.api.event.RiskEventTags;
import io.laxin.reward.reward.application.ConflictRetry;
import io.laxin.reward.reward.application.RevokeRejectedReferralCommand;
import io.laxin.reward.reward.application.RevokingRejectedReferrals;
import io.laxin.reward.reward.domain.ReferralRewardPlan;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.apache.rocketmq.spring.core.RocketMQListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;


/**
 * Final fraud verdicts: a REJECT revokes the invitee's referral rewards (or claws them back once released). A PASS
 * needs nothing here: invite-service attributes the referral, and its ATTRIBUTED event issues the rewards.
 */
@Component
@RocketMQMessageListener(topic = "${laxin.topics.risk:LAXIN_RISK}",
        consumerGroup = "${spring.application.name}-risk-revocations",
        selectorExpression = RiskEventTags.DECIDED,
        maxReconsumeTimes = 16)
public class RiskDecidedListener implements RocketMQListener<MessageExt> {

    private static final Logger log = LoggerFactory.getLogger(RiskDecidedListener.class);

    private final RevokingRejectedReferrals revoking;
    private final ConflictRetry retry;
    private final JsonMapper json;
    private final String consumer;

    public RiskDecidedListener(RevokingRejectedReferrals revoking, ConflictRetry retry, JsonMapper json,
                               @Value("${spring.application.name}-risk-revocations") String consumer) {
        this.revoking = revoking;
        this.retry = retry;
        this.json = json;
        this.consumer = consumer;
    }

    @Override
    public void onMessage(MessageExt message) {
        RiskDecidedEvent e = EventPayloads.read(json, message.getBody(), RiskDecidedEvent.class,
                RiskDecidedEvent.SCHEMA_VERSION);
        if (e.verdict() != Verdict.REJECT) {
            return;
        }
        var command = new RevokeRejectedReferralCommand(consumer, e.eventId(), e.campaignId(), e.inviteeUserId(),
                ReferralRewardPlan.FRAUD_REJECTED);
        var outcome = retry.run(() -> revoking.handle(command));
        log.info("Risk REJECT of invitee {} in campaign {} (event {}): {} reward(s) revoked or clawed back",
                e.inviteeUserId(), e.campaignId(), e.eventId(), outcome.rewardsTouched());
    }
}
