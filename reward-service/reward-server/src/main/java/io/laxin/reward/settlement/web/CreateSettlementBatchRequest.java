package io.laxin.reward.settlement.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Create a batch: {@code campaignId} and either {@code day} (a calendar day in laxin.reward.settlement-zone) or
 * {@code from} and {@code to} ([from, to), ISO instants). {@code minPayoutFen} overrides laxin.reward.min-payout-fen.
 */
public record CreateSettlementBatchRequest(
        @NotNull @Positive Long campaignId,
        LocalDate day,
        Instant from,
        Instant to,
        @Positive Long minPayoutFen) {}
