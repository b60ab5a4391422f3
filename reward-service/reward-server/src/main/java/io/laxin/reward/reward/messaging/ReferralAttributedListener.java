package io.laxin.reward.reward.messaging;

import io.laxin.invite.api.event.ReferralAttributedEvent;
import io.laxin.invite.api.event.ReferralEventTags;
import io.laxin.reward.reward.application.IssueReferralRewardsCommand;
import io.laxin.reward.reward.application.IssuingReferralRewards;
import io.laxin.reward.reward.domain.ReferralRewardPlan;
import io.laxin.reward.reward.domain.RewardKind;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.apache.rocketmq.spring.core.RocketMQListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;

/** Turns referral-attributed events into the two-sided rewards. Redelivery is harmless (see the use case). */
@Component
@RocketMQMessageListener(topic = "${laxin.topics.referral:LAXIN_REFERRAL}",
        consumerGroup = "${spring.application.name}-referral-rewards",
        selectorExpression = ReferralEventTags.ATTRIBUTED,
        maxReconsumeTimes = 16)
public class ReferralAttributedListener implements RocketMQListener<MessageExt> {

    private static final Logger log = LoggerFactory.getLogger(ReferralAttributedListener.class);

    private final IssuingReferralRewards issuing;
    private final JsonMapper json;
    private final String consumer;

    public ReferralAttributedListener(IssuingReferralRewards issuing, JsonMapper json,
                                      @Value("${spring.application.name}-referral-rewards") String consumer) {
        this.issuing = issuing;
        this.json = json;
        this.consumer = consumer;
    }

    @Override
    public void onMessage(MessageExt message) {
        ReferralAttributedEvent e = json.readValue(new String(message.getBody(), StandardCharsets.UTF_8),
                ReferralAttributedEvent.class);
        var policy = e.rewardPolicy();
        ReferralRewardPlan.Attribution attribution = new ReferralRewardPlan.Attribution(e.eventId(), e.referralId(),
                e.campaignId(), e.policyVersion(), e.referrerUserId(), e.inviteeUserId(),
                RewardKind.valueOf(policy.referrerReward().kind().name()), policy.referrerReward().amount(),
                RewardKind.valueOf(policy.inviteeReward().kind().name()), policy.inviteeReward().amount(),
                policy.holdDays(), e.attributedAt());
        int issued = issuing.handle(new IssueReferralRewardsCommand(consumer, attribution));
        log.info("Referral {} (event {}): {} reward(s) issued", e.referralId(), e.eventId(), issued);
    }
}
