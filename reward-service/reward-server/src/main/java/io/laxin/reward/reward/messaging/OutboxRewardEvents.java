package io.laxin.reward.reward.messaging;

import io.laxin.kernel.config.ServiceName;
import io.laxin.kernel.messaging.Outbox;
import io.laxin.kernel.messaging.Topics;
import io.laxin.reward.api.event.RewardBatchEvent;
import io.laxin.reward.api.event.RewardEvent;
import io.laxin.reward.api.event.RewardEventTags;
import io.laxin.reward.reward.domain.Reward;
import io.laxin.reward.reward.domain.RewardBatches;
import io.laxin.reward.reward.domain.RewardEvents;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Writes a reward's change to the outbox, in the caller's transaction, sharded by the user id; a settlement batch's
 * move of its rewards as one event sharded like the batch's own events ({@code batch-<id>}).
 */
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
                        r.worth().couponTemplateId(),
                        r.status().name(),
                        r.standing().statusReason()));
    }

    @Override
    public void batchMoved(RewardBatches.Moved m) {
        String tag = switch (m.status()) {
            case SETTLED -> RewardEventTags.BATCH_SETTLED;
            case PAID -> RewardEventTags.BATCH_PAID;
            default -> throw new IllegalArgumentException("A batch's rewards never move to " + m.status());
        };
        outbox.append(
                topics.reward(),
                tag,
                "batch-" + m.batchId(),
                new RewardBatchEvent(
                        UUID.randomUUID().toString(),
                        producer,
                        clock.instant(),
                        RewardBatchEvent.SCHEMA_VERSION,
                        m.batchId(),
                        m.campaignId(),
                        m.status().name(),
                        m.rewards(),
                        m.amountFen()));
    }
}
