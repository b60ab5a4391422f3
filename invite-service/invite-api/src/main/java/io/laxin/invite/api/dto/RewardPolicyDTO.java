package io.laxin.invite.api.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * The two-sided reward a campaign promises, as a value: referrer reward, invitee reward and the hold period
 * (冻结期) in days before a reward becomes available.
 */
public record RewardPolicyDTO(@NotNull @Valid RewardSpecDTO referrerReward,
                              @NotNull @Valid RewardSpecDTO inviteeReward,
                              @PositiveOrZero @Max(365) int holdDays) {
}
