package io.laxin.antifraud.review.messaging;

import io.laxin.antifraud.api.dto.ReasonDTO;
import io.laxin.antifraud.api.dto.Verdict;
import io.laxin.antifraud.api.event.RiskDecidedEvent;
import io.laxin.antifraud.api.event.RiskEventTags;
import io.laxin.antifraud.review.domain.ReviewCase;
import io.laxin.antifraud.review.domain.RiskEvents;
import io.laxin.kernel.config.ServiceName;
import io.laxin.kernel.messaging.Outbox;
import io.laxin.kernel.messaging.Topics;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Writes a final verdict's {@link RiskDecidedEvent} to the outbox in the caller's transaction (shard: invitee). */
@Component
class OutboxRiskEvents implements RiskEvents {

    private final Outbox outbox;
    private final Topics topics;
    private final String producer;

    OutboxRiskEvents(Outbox outbox, Topics topics, ServiceName producer) {
        this.outbox = outbox;
        this.topics = topics;
        this.producer = producer.value();
    }

    /** @return the event id */
    @Override
    public String decided(ReviewCase c, boolean pass, String decidedBy, Instant at) {
        String eventId = UUID.randomUUID().toString();
        outbox.append(
                topics.risk(),
                RiskEventTags.DECIDED,
                c.inviteeUserId(),
                new RiskDecidedEvent(
                        eventId,
                        producer,
                        at,
                        RiskDecidedEvent.SCHEMA_VERSION,
                        c.campaignId(),
                        c.inviteeUserId(),
                        c.referrerUserId(),
                        c.screeningId(),
                        c.id(),
                        pass ? Verdict.PASS : Verdict.REJECT,
                        c.evidence().stream()
                                .map(f ->
                                        new ReasonDTO(f.ruleId(), f.detail(), f.weight(), f.observed(), f.threshold()))
                                .toList(),
                        decidedBy));
        return eventId;
    }
}
