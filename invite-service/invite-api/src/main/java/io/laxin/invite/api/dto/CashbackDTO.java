package io.laxin.invite.api.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;

/**
 * Cashback (返现) for the referrer from the invitee's paid orders.
 *
 * @param shareBasisPoints        the referrer's share of each qualifying order, in 1/10000 (500 = 5 %)
 * @param windowDays              orders paid within this many days of the attribution qualify; null for no window
 * @param firstOrders             only the invitee's first K orders qualify; null for no limit
 * @param firstOrderReferrerBonus a bonus to the referrer on the invitee's first qualifying order; null for none
 * @param firstOrderInviteeBonus  a bonus to the invitee on their first qualifying order; null for none
 */
public record CashbackDTO(
        @Min(0) @Max(10_000) int shareBasisPoints,
        @Positive @Max(3650) Integer windowDays,
        @Positive @Max(1000) Integer firstOrders,
        @Valid RewardSpecDTO firstOrderReferrerBonus,
        @Valid RewardSpecDTO firstOrderInviteeBonus) {}
