package io.laxin.invite.referral.messaging;

import io.laxin.antifraud.api.RiskDecisionApi;
import io.laxin.antifraud.api.RiskDecisionConfirmation;
import io.laxin.antifraud.api.dto.ReasonDTO;
import io.laxin.antifraud.api.dto.RiskDecisionDTO;
import io.laxin.antifraud.api.dto.Verdict;
import io.laxin.antifraud.api.event.RiskDecidedEvent;
import io.laxin.antifraud.api.event.RiskEventTags;
import io.laxin.invite.referral.application.ResolveRiskDecisionCommand;
import io.laxin.invite.referral.application.ResolvingRiskDecision;
import io.laxin.kernel.messaging.Confirmations;
import io.laxin.kernel.messaging.IdempotentListener;
import io.laxin.kernel.messaging.IgnoredMessage;
import io.laxin.kernel.messaging.Topics;
import java.util.List;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.springframework.stereotype.Component;

/**
 * antifraud-service's final verdicts move referrals on (see {@link ResolvingRiskDecision}), as antifraud-service
 * holds them, not as the message says (ADR 0006): before the transaction the case is read from antifraud-service
 * ({@link RiskDecisionConfirmation} over {@link RiskDecisionApi}, a signed OpenFeign call, run by the kernel's
 * {@link Confirmations} as every consumer of the message does), and the referral of the campaign and invitee it decided on moves
 * with its verdict, evidence and operator. A message the case does not confirm moves nothing ({@link IgnoredMessage}:
 * acknowledged, a WARN and {@code laxin.messages.ignored}); antifraud-service not answering fails the delivery, so it
 * is redelivered.
 */
@Component
@RocketMQMessageListener(
        topic = Topics.RISK_TOPIC,
        consumerGroup = "${spring.application.name}-risk-decisions",
        selectorExpression = RiskEventTags.DECIDED)
public class RiskDecidedListener extends IdempotentListener<RiskDecidedEvent> {

    private final RiskDecisionConfirmation decisions;
    private final ResolvingRiskDecision resolving;

    public RiskDecidedListener(RiskDecisionApi antifraud, ResolvingRiskDecision resolving) {
        this.decisions = new RiskDecisionConfirmation(antifraud);
        this.resolving = resolving;
    }

    @Override
    public void handle(RiskDecidedEvent e) {
        RiskDecisionDTO decided = Confirmations.confirmed(decisions, e);
        List<String> reasons = decided.reasons() == null
                ? List.of()
                : decided.reasons().stream().map(ReasonDTO::ruleId).toList();
        resolving.handle(new ResolveRiskDecisionCommand(
                consumer(),
                e.eventId(),
                decided.campaignId(),
                decided.inviteeUserId(),
                decided.verdict() == Verdict.PASS,
                reasons,
                decided.decidedBy(),
                decided.decidedAt()));
    }
}
