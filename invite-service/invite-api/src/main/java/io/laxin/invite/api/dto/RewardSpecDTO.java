package io.laxin.invite.api.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * One side's reward.
 *
 * @param kind   POINTS, CASH (amount in fen) or COUPON (amount = coupon template id)
 * @param amount points, fen, or coupon template id; never fractional
 */
public record RewardSpecDTO(
        @NotNull RewardKind kind, @PositiveOrZero long amount) {

    public enum RewardKind {
        POINTS,
        CASH,
        COUPON
    }
}
