package io.laxin.reward.settlement.infra;

import io.laxin.reward.RewardProperties;
import io.laxin.reward.settlement.application.CollectingSettlementBatch;
import java.time.Duration;
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

    SettlementRecoveryJob(CollectingSettlementBatch collecting, RewardProperties properties) {
        this.collecting = collecting;
        this.stuckAfter = properties.settlementStuckAfter();
    }

    @Scheduled(
            fixedDelayString = RewardProperties.SETTLEMENT_RECOVERY_INTERVAL_PLACEHOLDER,
            initialDelayString = RewardProperties.SETTLEMENT_RECOVERY_INTERVAL_PLACEHOLDER)
    void recover() {
        collecting.recoverStuck(stuckAfter);
    }
}
