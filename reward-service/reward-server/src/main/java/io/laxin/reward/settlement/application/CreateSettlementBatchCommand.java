package io.laxin.reward.settlement.application;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Create a settlement batch for a campaign and a period: either one {@code day} or a [{@code from}, {@code to})
 * range. {@code minPayoutFen} null means the configured default.
 */
public record CreateSettlementBatchCommand(
        long campaignId, LocalDate day, Instant from, Instant to, Long minPayoutFen, String actor) {}
