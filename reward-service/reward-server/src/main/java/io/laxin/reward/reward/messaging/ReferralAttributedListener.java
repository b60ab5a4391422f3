package io.laxin.reward.reward.messaging;

import io.laxin.invite.api.dto.RewardPolicyDTO;
import io.laxin.invite.api.dto.RewardSpecDTO;
import io.laxin.invite.api.event.ReferralAttributedEvent;
import io.laxin.invite.api.event.ReferralEventTags;
import io.laxin.kernel.messaging.IdempotentListener;
import io.laxin.reward.reward.application.ConflictRetry;
import io.laxin.reward.reward.application.IssueReferralRewardsCommand;
import io.laxin.reward.reward.application.IssuingReferralRewards;
import io.laxin.reward.reward.domain.Attribution;
import io.laxin.reward.reward.domain.RewardKind;
import io.laxin.reward.reward.domain.RewardPolicy;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.springframework.stereotype.Component;


/** Turns referral-attributed events into rewards. Redelivery is harmless (see the use case). */
@Component
@RocketMQMessageListener(topic = "${laxin.topics.referral:LAXIN_REFERRAL}",
        consumerGroup = "${spring.application.name}-referral-rewards",
        selectorExpression = ReferralEventTags.ATTRIBUTED)
public class ReferralAttributedListener extends IdempotentListener<ReferralAttributedEvent> {

    private final IssuingReferralRewards issuing;
    private final ConflictRetry retry;

    public ReferralAttributedListener(IssuingReferralRewards issuing, ConflictRetry retry) {
        this.issuing = issuing;
        this.retry = retry;
    }

    @Override
    public void handle(ReferralAttributedEvent e) {
        Attribution attribution = new Attribution(e.referralId(), e.campaignId(), e.referrerUserId(),
                e.inviteeUserId(), e.policyVersion(), policy(e.rewardPolicy()), e.attributedAt(), false);
        var command = new IssueReferralRewardsCommand(consumer(), e.eventId(), attribution);
        var outcome = retry.run(() -> issuing.handle(command));
        log.info("Referral {} (event {}): {} reward(s) granted, {} refused", e.referralId(), e.eventId(),
                outcome.granted(), outcome.refused());
    }

    /** The wire policy as the domain's value. */
    public static RewardPolicy policy(RewardPolicyDTO p) {
        return new RewardPolicy(spec(p.referrerReward()), spec(p.inviteeReward()), p.holdDays(),
                p.milestonesOrNone().stream().map(m -> new RewardPolicy.Milestone(m.nth(), spec(m.reward()))).toList(),
                p.caps() == null ? null
                        : new RewardPolicy.Caps(p.caps().perDay(), p.caps().perMonth(), p.caps().perCampaign()),
                p.budgetFen(),
                p.cashback() == null ? null : new RewardPolicy.Cashback(p.cashback().shareBasisPoints(),
                        p.cashback().windowDays(), p.cashback().firstOrders(),
                        spec(p.cashback().firstOrderReferrerBonus()), spec(p.cashback().firstOrderInviteeBonus())));
    }

    private static RewardPolicy.Spec spec(RewardSpecDTO s) {
        return s == null ? null : new RewardPolicy.Spec(RewardKind.valueOf(s.kind().name()), s.amount());
    }
}
