package io.laxin.reward.settlement.application;

import io.laxin.kernel.api.CommonErrorCode;
import io.laxin.kernel.error.LaxinException;
import io.laxin.kernel.idempotency.IdempotentRequests;
import io.laxin.reward.RewardProperties;
import io.laxin.reward.api.RewardErrorCode;
import io.laxin.reward.settlement.domain.Period;
import io.laxin.reward.settlement.domain.SettlementBatch;
import io.laxin.reward.settlement.domain.SettlementBatches;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Use case: create a settlement batch and collect it. The batch row is stored with the request's Idempotency-Key (and
 * the batch id as its answer) in one transaction; collecting then runs in chunks of its own transactions (see
 * {@link CollectingSettlementBatch}). A replay of the key answers the batch as it is now and does not collect a second
 * time.
 */
@Service
public class CreatingSettlementBatch {

    private final SettlementBatches batches;
    private final CollectingSettlementBatch collecting;
    private final IdempotentRequests idempotency;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final long defaultMinPayoutFen;
    private final ZoneId zone;

    public CreatingSettlementBatch(
            SettlementBatches batches,
            CollectingSettlementBatch collecting,
            IdempotentRequests idempotency,
            TransactionTemplate tx,
            Clock clock,
            RewardProperties properties) {
        this.batches = batches;
        this.collecting = collecting;
        this.idempotency = idempotency;
        this.tx = tx;
        this.clock = clock;
        this.defaultMinPayoutFen = properties.minPayoutFen();
        this.zone = properties.settlementZone();
    }

    /** @param key the request's Idempotency-Key, or null */
    public SettlementBatch handle(CreateSettlementBatchCommand c, IdempotentRequests.Key key) {
        Period period = periodOf(c);
        long min = c.minPayoutFen() == null ? defaultMinPayoutFen : c.minPayoutFen();
        if (min < 1) {
            throw new LaxinException(CommonErrorCode.VALIDATION_FAILED, "minPayoutFen must be at least 1");
        }
        IdempotentRequests.Answer<Long, Long> answer = IdempotentRequests.Answer.as(key, Long.class);
        Optional<Long> earlier = idempotency.earlier(answer);
        if (earlier.isPresent()) {
            return batches.byId(earlier.get()).orElseThrow();
        }
        AtomicBoolean created = new AtomicBoolean();
        Long id = tx.execute(s -> idempotency.once(answer, () -> {
            created.set(true);
            return batches.add(c.campaignId(), period, min, c.actor(), clock.instant());
        }));
        if (created.get()) {
            collecting.collect(id);
        }
        return batches.byId(id).orElseThrow();
    }

    private Period periodOf(CreateSettlementBatchCommand c) {
        boolean range = c.from() != null || c.to() != null;
        if (c.day() != null && !range) {
            return Period.ofDay(c.day(), zone);
        }
        if (c.day() == null && c.from() != null && c.to() != null && c.from().isBefore(c.to())) {
            return new Period(c.from(), c.to());
        }
        throw new LaxinException(
                RewardErrorCode.SETTLEMENT_INVALID_PERIOD,
                "Give either a day, or from and to with from before to (to is exclusive)");
    }
}
