package io.laxin.reward;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.time.ZoneId;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code laxin.reward.*}: everything reward-service is tuned by. The defaults are here and nowhere else (the
 * {@code @Scheduled} intervals use the placeholders below, whose defaults are these constants); a value that breaks a
 * constraint stops the start naming the property. Listed with these descriptions in the configuration metadata.
 *
 * @param fenPerHundredPoints         what 100 points cost in fen, for budgets and reports
 * @param releaseEnabled              whether this replica runs the scheduled release of rewards whose hold ended
 * @param releaseInterval             how often the release runs
 * @param releaseBatchSize            rewards released per transaction, by the schedule and by the by-hand run
 * @param cancelBatchSize             pending rewards revoked per transaction when a campaign is cancelled
 * @param minPayoutFen                a settlement batch's default minimum payout; users below it are carried over
 * @param settlementZone              the time zone whose calendar days a settlement batch's {@code day} names
 * @param settlementChunkSize         rewards collected into a settlement batch per transaction
 * @param settlementRecoveryEnabled   whether this replica fails settlement batches whose collection stopped
 * @param settlementRecoveryInterval  how often it looks for them
 * @param settlementStuckAfter        a collection that reported no progress for this long is taken as dead
 */
@Validated
@ConfigurationProperties("laxin.reward")
public record RewardProperties(
        @DefaultValue("100") @Positive long fenPerHundredPoints,
        @DefaultValue("true") boolean releaseEnabled,

        @DefaultValue(RELEASE_INTERVAL) @NotNull @DurationMin(millis = 1)
        Duration releaseInterval,

        @DefaultValue("500") @Positive int releaseBatchSize,
        @DefaultValue("500") @Positive int cancelBatchSize,
        @DefaultValue("100") @Positive long minPayoutFen,
        @DefaultValue("Asia/Shanghai") @NotNull ZoneId settlementZone,
        @DefaultValue("5000") @Positive int settlementChunkSize,
        @DefaultValue("true") boolean settlementRecoveryEnabled,

        @DefaultValue(SETTLEMENT_RECOVERY_INTERVAL) @NotNull @DurationMin(millis = 1)
        Duration settlementRecoveryInterval,

        @DefaultValue("15m") @NotNull @DurationMin(seconds = 1)
        Duration settlementStuckAfter) {

    static final String RELEASE_INTERVAL = "60s";
    static final String SETTLEMENT_RECOVERY_INTERVAL = "5m";

    /** For {@code @Scheduled}: {@code laxin.reward.release-interval}, else its default. */
    public static final String RELEASE_INTERVAL_PLACEHOLDER =
            "${laxin.reward.release-interval:" + RELEASE_INTERVAL + "}";

    /** For {@code @Scheduled}: {@code laxin.reward.settlement-recovery-interval}, else its default. */
    public static final String SETTLEMENT_RECOVERY_INTERVAL_PLACEHOLDER =
            "${laxin.reward.settlement-recovery-interval:" + SETTLEMENT_RECOVERY_INTERVAL + "}";
}
