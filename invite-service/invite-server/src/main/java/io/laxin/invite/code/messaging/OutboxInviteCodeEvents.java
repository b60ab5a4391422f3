package io.laxin.invite.code.messaging;

import io.laxin.invite.api.event.InviteCodeChangedEvent;
import io.laxin.invite.api.event.ReferralEventTags;
import io.laxin.invite.code.domain.InviteCode;
import io.laxin.invite.code.domain.InviteCodeEvents;
import io.laxin.kernel.config.ServiceName;
import io.laxin.kernel.messaging.Outbox;
import io.laxin.kernel.messaging.Topics;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Writes an invite code's change to the outbox, in the caller's transaction; sharded by the code's owner. */
@Component
class OutboxInviteCodeEvents implements InviteCodeEvents {

    private final Outbox outbox;
    private final Topics topics;
    private final String producer;

    OutboxInviteCodeEvents(Outbox outbox, Topics topics, ServiceName producer) {
        this.outbox = outbox;
        this.topics = topics;
        this.producer = producer.value();
    }

    @Override
    public void changed(String tag, InviteCode code, String reason, Instant at) {
        outbox.append(
                topics.referral(),
                tag,
                code.userId(),
                new InviteCodeChangedEvent(
                        UUID.randomUUID().toString(),
                        producer,
                        at,
                        InviteCodeChangedEvent.SCHEMA_VERSION,
                        code.campaignId(),
                        code.userId(),
                        code.code(),
                        code.status().name(),
                        reason));
    }

    @Override
    public void revoked(InviteCode code, String reason, Instant at) {
        changed(ReferralEventTags.CODE_REVOKED, code, reason, at);
    }
}
