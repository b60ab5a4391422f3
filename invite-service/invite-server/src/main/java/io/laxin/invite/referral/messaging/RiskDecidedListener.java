package io.laxin.invite.referral.messaging;

import io.laxin.antifraud.api.dto.ReasonDTO;
import io.laxin.antifraud.api.dto.Verdict;
import io.laxin.antifraud.api.event.RiskDecidedEvent;
import io.laxin.antifraud.api.event.RiskEventTags;
import io.laxin.invite.referral.application.ResolveRiskDecisionCommand;
import io.laxin.invite.referral.application.ResolvingRiskDecision;
import io.laxin.kernel.messaging.IdempotentListener;
import io.laxin.kernel.messaging.Topics;
import java.util.List;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.springframework.stereotype.Component;

/** antifraud-service's final verdicts move referrals on (see {@link ResolvingRiskDecision}). */
@Component
@RocketMQMessageListener(
        topic = Topics.RISK_TOPIC,
        consumerGroup = "${spring.application.name}-risk-decisions",
        selectorExpression = RiskEventTags.DECIDED)
public class RiskDecidedListener extends IdempotentListener<RiskDecidedEvent> {

    private final ResolvingRiskDecision resolving;

    public RiskDecidedListener(ResolvingRiskDecision resolving) {
        this.resolving = resolving;
    }

    @Override
    public void handle(RiskDecidedEvent e) {
        List<String> reasons = e.reasons() == null
                ? List.of()
                : e.reasons().stream().map(ReasonDTO::ruleId).toList();
        resolving.handle(new ResolveRiskDecisionCommand(
                consumer(),
                e.eventId(),
                e.campaignId(),
                e.inviteeUserId(),
                e.verdict() == Verdict.PASS,
                reasons,
                e.decidedBy()));
    }
}
