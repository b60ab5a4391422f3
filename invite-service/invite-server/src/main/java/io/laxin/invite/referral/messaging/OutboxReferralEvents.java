package io.laxin.invite.referral.messaging;

import io.laxin.invite.api.event.ReferralAttributedEvent;
import io.laxin.invite.api.event.ReferralDecidedEvent;
import io.laxin.invite.api.event.ReferralEventTags;
import io.laxin.invite.referral.domain.Referral;
import io.laxin.invite.referral.domain.ReferralEvents;
import io.laxin.kernel.config.ServiceName;
import io.laxin.kernel.messaging.Outbox;
import io.laxin.kernel.messaging.Topics;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Writes a referral's event to the outbox, in the caller's transaction. Events are keyed by a fresh UUID and
 * sharded by the referrer's user id (per-referrer ordering). They carry facts (ids, the policy version, times), not
 * the policy's amounts (ADR 0006).
 */
@Component
class OutboxReferralEvents implements ReferralEvents {

    private final Outbox outbox;
    private final Topics topics;
    private final String producer;

    OutboxReferralEvents(Outbox outbox, Topics topics, ServiceName producer) {
        this.outbox = outbox;
        this.topics = topics;
        this.producer = producer.value();
    }

    @Override
    public void published(Referral r) {
        String eventId = UUID.randomUUID().toString();
        switch (r.status()) {
            case ATTRIBUTED ->
                outbox.append(
                        topics.referral(),
                        ReferralEventTags.ATTRIBUTED,
                        r.referrerUserId(),
                        new ReferralAttributedEvent(
                                eventId,
                                producer,
                                r.decidedAt(),
                                ReferralAttributedEvent.SCHEMA_VERSION,
                                r.id(),
                                r.campaignId(),
                                r.policyVersion(),
                                r.referrerUserId(),
                                r.inviteeUserId(),
                                r.decidedAt()));
            case PENDING_REVIEW, REJECTED ->
                outbox.append(
                        topics.referral(),
                        r.status().name(),
                        r.referrerUserId(),
                        new ReferralDecidedEvent(
                                eventId,
                                producer,
                                r.decidedAt(),
                                ReferralDecidedEvent.SCHEMA_VERSION,
                                r.id(),
                                r.campaignId(),
                                r.referrerUserId(),
                                r.inviteeUserId(),
                                r.status().name(),
                                r.reasons()));
        }
    }
}
