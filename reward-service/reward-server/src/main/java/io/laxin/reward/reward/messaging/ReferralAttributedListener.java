package io.laxin.reward.reward.messaging;

import io.laxin.kernel.messaging.EventPayloads;
import io.laxin.invite.api.event.ReferralAttributedEvent;
import io.laxin.invite.api.event.ReferralEventTags;
import io.laxin.reward.reward.application.ConflictRetry;
import io.laxin.reward.reward.application.IssueReferralRewardsCommand;
import io.laxin.reward.reward.application.IssuingReferralRewards;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.apache.rocketmq.spring.core.RocketMQListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;


/**
 * Turns referral-attributed events into rewards, under the policy version the use case reads from invite-service.
 * Redelivery is harmless (see the use case).
 */
@Component
@RocketMQMessageListener(topic = "${laxin.topics.referral:LAXIN_REFERRAL}",
        consumerGroup = "${spring.application.name}-referral-rewards",
        selectorExpression = ReferralEventTags.ATTRIBUTED,
        maxReconsumeTimes = 16)
public class ReferralAttributedListener implements RocketMQListener<MessageExt> {

    private static final Logger log = LoggerFactory.getLogger(ReferralAttributedListener.class);

    private final IssuingReferralRewards issuing;
    private final ConflictRetry retry;
    private final JsonMapper json;
    private final String consumer;

    public ReferralAttributedListener(IssuingReferralRewards issuing, ConflictRetry retry, JsonMapper json,
                                      @Value("${spring.application.name}-referral-rewards") String consumer) {
        this.issuing = issuing;
        this.retry = retry;
        this.json = json;
        this.consumer = consumer;
    }

    @Override
    public void onMessage(MessageExt message) {
        // a version 1 payload (migration window) also claims amounts: they are not read (ADR 0006)
        ReferralAttributedEvent e = EventPayloads.read(json, message.getBody(), ReferralAttributedEvent.class,
                ReferralAttributedEvent.OLDEST_READ_VERSION, ReferralAttributedEvent.SCHEMA_VERSION);
        var command = new IssueReferralRewardsCommand(consumer, e.eventId(), e.referralId(), e.campaignId(),
                e.referrerUserId(), e.inviteeUserId(), e.policyVersion(), e.attributedAt());
        var outcome = retry.run(() -> issuing.handle(command));
        log.info("Referral {} (event {}): {} reward(s) granted, {} refused", e.referralId(), e.eventId(),
                outcome.granted(), outcome.refused());
    }
}
