package io.laxin.reward.reward.messaging;

import io.laxin.antifraud.api.RiskDecisionApi;
import io.laxin.antifraud.api.RiskDecisionConfirmation;
import io.laxin.antifraud.api.dto.RiskDecisionDTO;
import io.laxin.antifraud.api.dto.Verdict;
import io.laxin.antifraud.api.event.RiskDecidedEvent;
import io.laxin.antifraud.api.event.RiskEventTags;
import io.laxin.kernel.messaging.Confirmations;
import io.laxin.kernel.messaging.IdempotentListener;
import io.laxin.kernel.messaging.IgnoredMessage;
import io.laxin.kernel.messaging.Topics;
import io.laxin.reward.reward.application.RevokeRejectedReferralCommand;
import io.laxin.reward.reward.application.RevokingRejectedReferrals;
import io.laxin.reward.reward.domain.ReferralRewardPlan;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.springframework.stereotype.Component;

/**
 * Final fraud verdicts: a REJECT revokes the invitee's referral rewards (or claws them back once released). A PASS
 * needs nothing here: invite-service attributes the referral, and its ATTRIBUTED event issues the rewards.
 *
 * <p>The message only says that a case was decided (ADR 0006): before the revocation's transaction opens, the case is
 * read from antifraud-service ({@link RiskDecisionConfirmation} over {@link RiskDecisionApi}, a signed OpenFeign call,
 * run by the kernel's {@link Confirmations} as every consumer of the message does), and the revocation names the
 * campaign and invitee antifraud-service decided on. A message the case does not confirm — no decided case of that
 * id, or another campaign, invitee or verdict — is acknowledged and ignored ({@link IgnoredMessage}: a WARN and
 * {@code laxin.messages.ignored}); antifraud-service not answering fails the delivery, so it is redelivered.
 */
@Component
@RocketMQMessageListener(
        topic = Topics.RISK_TOPIC,
        consumerGroup = "${spring.application.name}-risk-revocations",
        selectorExpression = RiskEventTags.DECIDED)
public class RiskDecidedListener extends IdempotentListener<RiskDecidedEvent> {

    private final RiskDecisionConfirmation decisions;
    private final RevokingRejectedReferrals revoking;

    public RiskDecidedListener(RiskDecisionApi antifraud, RevokingRejectedReferrals revoking) {
        this.decisions = new RiskDecisionConfirmation(antifraud);
        this.revoking = revoking;
    }

    @Override
    public void handle(RiskDecidedEvent e) {
        if (e.verdict() != Verdict.REJECT) {
            return;
        }
        RiskDecisionDTO decided = Confirmations.confirmed(decisions, e);
        var command = new RevokeRejectedReferralCommand(
                consumer(),
                e.eventId(),
                decided.campaignId(),
                decided.inviteeUserId(),
                ReferralRewardPlan.FRAUD_REJECTED);
        var outcome = revoking.handle(command);
        log.info(
                "Risk REJECT of invitee {} in campaign {} (case {}, event {}): {} reward(s) revoked or clawed back",
                command.inviteeUserId(),
                command.campaignId(),
                e.caseId(),
                e.eventId(),
                outcome.rewardsTouched());
    }
}
