package io.laxin.reward.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.laxin.reward.order.domain.CashbackPlan;
import io.laxin.reward.order.domain.OrderFacts;
import io.laxin.reward.order.domain.OrderOutcome;
import io.laxin.reward.order.domain.PaidOrder;
import io.laxin.reward.reward.domain.Attribution;
import io.laxin.reward.reward.domain.Beneficiary;
import io.laxin.reward.reward.domain.Reward;
import io.laxin.reward.reward.domain.RewardKind;
import io.laxin.reward.reward.domain.RewardPolicy;
import io.laxin.reward.reward.domain.RewardSource;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CashbackPlanTest {

    private static final Instant AT = Instant.parse("2026-11-20T08:00:00Z");

    private static Attribution attribution(RewardPolicy.Cashback cashback) {
        return attributionAt(cashback, AT);
    }

    private static Attribution attributionAt(RewardPolicy.Cashback cashback, Instant attributedAt) {
        RewardPolicy policy = new RewardPolicy(
                new RewardPolicy.Spec(RewardKind.POINTS, 1),
                new RewardPolicy.Spec(RewardKind.POINTS, 1),
                7,
                null,
                null,
                null,
                cashback);
        return new Attribution(1, 2, "alice", "bob", 1, policy, attributedAt, false);
    }

    private static PaidOrder order(long amount, long refunded) {
        return PaidOrder.reported(
                        new OrderFacts.Paid("o-1", "bob", amount, AT), 1L, 2L, OrderOutcome.QUALIFIED, "e-1", AT)
                .refunded(refunded);
    }

    private static Reward issued(RewardSource source, long amount) {
        return Reward.pending(
                2,
                1,
                "alice",
                Beneficiary.REFERRER,
                Reward.Origin.of(source, "k", "e-1", 1, "o-1"),
                new RewardPolicy.Spec(RewardKind.CASH, amount),
                AT,
                AT);
    }

    @Test
    void shouldRoundTheShareDownToWholeFen() {
        assertThat(CashbackPlan.cashbackFen(12_345, 333)).isEqualTo(411);
        assertThat(CashbackPlan.cashbackFen(29, 333)).isZero();
        assertThat(CashbackPlan.cashbackFen(10_000, 10_000)).isEqualTo(10_000);
    }

    @Test
    void shouldQualifyOnlyFromTheAttributionUntilTheWindowCloses() {
        var a = Optional.of(attribution(new RewardPolicy.Cashback(100, 10, null, null, null)));

        assertThat(CashbackPlan.screen(a, false, AT)).isEqualTo(OrderOutcome.QUALIFIED);
        assertThat(CashbackPlan.screen(a, false, AT.plus(10, ChronoUnit.DAYS).minusMillis(1)))
                .isEqualTo(OrderOutcome.QUALIFIED);
        assertThat(CashbackPlan.screen(a, false, AT.plus(10, ChronoUnit.DAYS))).isEqualTo(OrderOutcome.OUTSIDE_WINDOW);
        assertThat(CashbackPlan.screen(a, false, AT.minusMillis(1))).isEqualTo(OrderOutcome.OUTSIDE_WINDOW);
        assertThat(CashbackPlan.screen(Optional.of(attribution(null)), false, AT))
                .isEqualTo(OrderOutcome.NO_CASHBACK_POLICY);
        assertThat(CashbackPlan.screen(Optional.empty(), false, AT)).isEqualTo(OrderOutcome.NOT_INVITEE);
        assertThat(CashbackPlan.screen(Optional.empty(), true, AT)).isEqualTo(OrderOutcome.ATTRIBUTION_REVOKED);
    }

    @Test
    void shouldQualifyAnOrderPaidInTheSecondOfTheAttribution() {
        // the attribution at 12:00:00.734, the order (kept to the second) paid at 12:00:00: found by the fault suite,
        // whose invitees order right after registering
        Instant attributedAt = AT.truncatedTo(ChronoUnit.SECONDS).plusMillis(734);
        var a = Optional.of(attributionAt(new RewardPolicy.Cashback(100, 10, null, null, null), attributedAt));

        assertThat(CashbackPlan.screen(a, false, attributedAt.truncatedTo(ChronoUnit.SECONDS)))
                .isEqualTo(OrderOutcome.QUALIFIED);
        assertThat(CashbackPlan.screen(
                        a, false, attributedAt.truncatedTo(ChronoUnit.SECONDS).minusSeconds(1)))
                .isEqualTo(OrderOutcome.OUTSIDE_WINDOW);
    }

    @Test
    void shouldTakeBackCashbackInProportionAndAllOfItOnceFullyRefunded() {
        Reward cashback = issued(RewardSource.CASHBACK, 33);

        assertThat(CashbackPlan.toTakeBack(cashback, order(1000, 0), 500)).isEqualTo(16);
        assertThat(CashbackPlan.toTakeBack(cashback, order(1000, 500), 500)).isEqualTo(17);
        assertThat(CashbackPlan.toTakeBack(cashback, order(1000, 0), 1000)).isEqualTo(33);
        assertThat(CashbackPlan.toTakeBack(cashback, order(1000, 0), 1)).isZero();
    }

    @Test
    void shouldTakeBackFirstOrderBonusesOnAFullRefundOnly() {
        Reward bonus = issued(RewardSource.FIRST_ORDER, 500);

        assertThat(CashbackPlan.toTakeBack(bonus, order(1000, 0), 999)).isZero();
        assertThat(CashbackPlan.toTakeBack(bonus, order(1000, 999), 1)).isEqualTo(500);
    }
}
