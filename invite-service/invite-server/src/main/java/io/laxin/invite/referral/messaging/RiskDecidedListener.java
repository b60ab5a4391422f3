package io.laxin.invite.referral.messaging;

import io.laxin.kernel.messaging.EventPayloads;
import io.laxin.antifraud.api.dto.ReasonDTO;
import io.laxin.antifraud.api.dto.Verdict;
import io.laxin.antifraud.api.event.RiskDecidedEvent;
import io.laxin.antifraud.api.event.RiskEventTags;
import io.laxin.invite.referral.application.ResolveRiskDecisionCommand;
import io.laxin.invite.referral.application.ResolvingRiskDecision;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.apache.rocketmq.spring.core.RocketMQListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/** antifraud-service's final verdicts move referrals on (see {@link ResolvingRiskDecision}). */
@Component
@RocketMQMessageListener(topic = "${laxin.topics.risk:LAXIN_RISK}",
        consumerGroup = "${spring.application.name}-risk-decisions",
        selectorExpression = RiskEventTags.DECIDED,
        maxReconsumeTimes = 16)
public class RiskDecidedListener implements RocketMQListener<MessageExt> {

    private final ResolvingRiskDecision resolving;
    private final JsonMapper json;
    private final String consumer;

    public RiskDecidedListener(ResolvingRiskDecision resolving, JsonMapper json,
                               @Value("${spring.application.name}-risk-decisions") String consumer) {
        this.resolving = resolving;
        this.json = json;
        this.consumer = consumer;
    }

    @Override
    public void onMessage(MessageExt message) {
        RiskDecidedEvent e = EventPayloads.read(json, message.getBody(), RiskDecidedEvent.class,
                RiskDecidedEvent.SCHEMA_VERSION);
        List<String> reasons = e.reasons() == null ? List.of()
                : e.reasons().stream().map(ReasonDTO::ruleId).toList();
        resolving.handle(new ResolveRiskDecisionCommand(consumer, e.eventId(), e.campaignId(), e.inviteeUserId(),
                e.verdict() == Verdict.PASS, reasons, e.decidedBy()));
    }
}
