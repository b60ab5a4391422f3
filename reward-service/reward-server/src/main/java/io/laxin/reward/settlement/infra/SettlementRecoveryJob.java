package io.laxin.reward.settlement.infra;

import io.laxin.reward.settlement.application.CollectingSettlementBatch;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every {@code laxin.reward.settlement-recovery-interval} (5 min), fails batches whose collection stopped reporting
 * progress {@code laxin.reward.settlement-stuck-after} (15 min) ago — the process died mid-way — and releases their
 * rewards. Safe on several replicas: failing a batch is a conditional update.
 */
@Component
@ConditionalOnProperty(name = "laxin.reward.settlement-recovery-enabled", havingValue = "true", matchIfMissing = true)
class SettlementRecoveryJob {

    private final CollectingSettlementBatch collecting;
    private final Duration stuckAfter;

    SettlementRecoveryJob(
            CollectingSettlementBatch collecting,
            @Value("${laxin.reward.settlement-stuck-after:15m}") Duration stuckAfter) {
        this.collecting = collecting;
        this.stuckAfter = stuckAfter;
    }

    @Scheduled(
            fixedDelayString = "${laxin.reward.settlement-recovery-interval:5m}",
            initialDelayString = "${laxin.reward.settlement-recovery-interval:5m}")
    void recover() {
        collecting.recoverStuck(stuckAfter);
    }
}
