package io.laxin.reward.reward.messaging;

import io.laxin.kernel.config.ServiceName;
import io.laxin.kernel.messaging.Outbox;
import io.laxin.kernel.messaging.Topics;
import io.laxin.reward.api.event.RewardEvent;
import io.laxin.reward.reward.domain.Reward;
import io.laxin.reward.reward.domain.RewardEvents;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Writes a reward's change to the outbox, in the caller's transaction, sharded by the user id. */
@Component
class OutboxRewardEvents implements RewardEvents {

    private final Outbox outbox;
    private final Topics topics;
    private final Clock clock;
    private final String producer;

    OutboxRewardEvents(Outbox outbox, Topics topics, Clock clock, ServiceName producer) {
        this.outbox = outbox;
        this.topics = topics;
        this.clock = clock;
        this.producer = producer.value();
    }

    /** {@code tag} is one of {@link io.laxin.reward.api.event.RewardEventTags}; {@code r} is the reward after it. */
    @Override
    public void published(String tag, Reward r) {
        outbox.append(
                topics.reward(),
                tag,
                r.userId(),
                new RewardEvent(
                        UUID.randomUUID().toString(),
                        producer,
                        clock.instant(),
                        RewardEvent.SCHEMA_VERSION,
                        r.id(),
                        r.campaignId(),
                        r.referralId(),
                        r.userId(),
                        r.beneficiary().name(),
                        r.source().name(),
                        r.kind().name(),
                        r.amount(),
                        r.couponTemplateId(),
                        r.status().name(),
                        r.statusReason()));
    }
}
