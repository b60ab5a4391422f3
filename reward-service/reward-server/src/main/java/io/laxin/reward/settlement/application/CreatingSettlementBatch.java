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
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Service;

/**
 * Use case: create a settlement batch and collect it. The batch row is stored under the request's Idempotency-Key;
 * collecting then runs in chunks of its own transactions (see {@link CollectingSettlementBatch}). A replay of the
 * key answers the batch as it is now and does not collect a second time.
 */
@Service
public class CreatingSettlementBatch {

    private final SettlementBatches batches;
    private final CollectingSettlementBatch collecting;
    private final IdempotentRequests idempotency;
    private final Clock clock;
    private final long defaultMinPayoutFen;
    private final ZoneId zone;

    public CreatingSettlementBatch(
            SettlementBatches batches,
            CollectingSettlementBatch collecting,
            IdempotentRequests idempotency,
            Clock clock,
            RewardProperties properties) {
        this.batches = batches;
        this.collecting = collecting;
        this.idempotency = idempotency;
        this.clock = clock;
        this.defaultMinPayoutFen = properties.minPayoutFen();
        this.zone = properties.settlementZone();
    }

    public SettlementBatch handle(CreateSettlementBatchCommand c, String idempotencyKey) {
        Period period = periodOf(c);
        long min = c.minPayoutFen() == null ? defaultMinPayoutFen : c.minPayoutFen();
        if (min < 1) {
            throw new LaxinException(CommonErrorCode.VALIDATION_FAILED, "minPayoutFen must be at least 1");
        }
        AtomicBoolean created = new AtomicBoolean();
        Long id = idempotency.execute("settlement.create:" + c.actor(), idempotencyKey, c, Long.class, () -> {
            created.set(true);
            return batches.add(c.campaignId(), period, min, c.actor(), clock.instant());
        });
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
