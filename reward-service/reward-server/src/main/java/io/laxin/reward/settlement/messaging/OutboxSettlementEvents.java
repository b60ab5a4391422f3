package io.laxin.reward.settlement.messaging;

import io.laxin.kernel.config.ServiceName;
import io.laxin.kernel.messaging.Outbox;
import io.laxin.kernel.messaging.Topics;
import io.laxin.reward.api.event.RewardEventTags;
import io.laxin.reward.api.event.RewardsPaidEvent;
import io.laxin.reward.api.event.SettlementBatchEvent;
import io.laxin.reward.settlement.domain.BatchState;
import io.laxin.reward.settlement.domain.SettlementBatch;
import io.laxin.reward.settlement.domain.SettlementEvents;
import io.laxin.reward.settlement.domain.StatementLine;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Settlement's events on the reward topic, through the outbox: {@code SETTLEMENT_APPROVED} / {@code SETTLEMENT_PAID}
 * keyed by the batch, {@code REWARD_PAID} per payee keyed by the user. Appends in the use case's transaction (the
 * kernel's {@code Outbox} refuses to append outside one).
 */
@Component
class OutboxSettlementEvents implements SettlementEvents {

    private final Outbox outbox;
    private final Topics topics;
    private final String producer;

    OutboxSettlementEvents(Outbox outbox, Topics topics, ServiceName producer) {
        this.outbox = outbox;
        this.topics = topics;
        this.producer = producer.value();
    }

    @Override
    public void approved(SettlementBatch batch, String actor, Instant at) {
        batchEvent(RewardEventTags.SETTLEMENT_APPROVED, BatchState.APPROVED, batch, actor, at);
    }

    @Override
    public void linesPaid(SettlementBatch batch, List<StatementLine> lines, Instant at) {
        for (StatementLine l : lines) {
            outbox.append(
                    topics.reward(),
                    RewardEventTags.PAID,
                    l.userId(),
                    new RewardsPaidEvent(
                            UUID.randomUUID().toString(),
                            producer,
                            at,
                            RewardsPaidEvent.SCHEMA_VERSION,
                            batch.id(),
                            l.id(),
                            batch.campaignId(),
                            l.userId(),
                            l.amountFen(),
                            l.rewardCount(),
                            l.payoutReference()));
        }
    }

    @Override
    public void paid(SettlementBatch batch, String actor, Instant at) {
        batchEvent(RewardEventTags.SETTLEMENT_PAID, BatchState.PAID, batch, actor, at);
    }

    private void batchEvent(String tag, BatchState state, SettlementBatch b, String actor, Instant at) {
        outbox.append(
                topics.reward(),
                tag,
                "batch-" + b.id(),
                new SettlementBatchEvent(
                        UUID.randomUUID().toString(),
                        producer,
                        at,
                        SettlementBatchEvent.SCHEMA_VERSION,
                        b.id(),
                        b.campaignId(),
                        b.period().from(),
                        b.period().to(),
                        state.name(),
                        b.lineCount(),
                        b.totalFen(),
                        actor));
    }
}
