package io.laxin.reward.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laxin.reward.settlement.domain.BatchState;
import io.laxin.reward.settlement.domain.Period;
import io.laxin.reward.settlement.domain.SettlementBatch;
import io.laxin.reward.settlement.domain.Transition;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SettlementBatchTest {

    private static final Instant T = Instant.parse("2026-11-24T00:00:00Z");

    private static SettlementBatch batch(BatchState state, String submittedBy) {
        return new SettlementBatch(
                1,
                9,
                new Period(T, T.plusSeconds(86_400)),
                100,
                state,
                0,
                0,
                0,
                0,
                null,
                null,
                "fin-1",
                T,
                submittedBy,
                submittedBy == null ? null : T,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    @Test
    void shouldRefuseApprovalByTheSubmitter() {
        assertThat(batch(BatchState.SUBMITTED, "fin-1").refusal(Transition.APPROVE, "fin-1"))
                .contains(SettlementBatch.Refusal.SELF_APPROVAL);
        assertThat(batch(BatchState.SUBMITTED, "fin-1").refusal(Transition.APPROVE, "fin-2"))
                .isEmpty();
    }

    @Test
    void shouldAllowOnlyTheMovesOfTheLifecycle() {
        assertThat(batch(BatchState.DRAFT, null).refusal(Transition.SUBMIT, "fin-1"))
                .isEmpty();
        assertThat(batch(BatchState.DRAFT, null).refusal(Transition.REJECT, "fin-1"))
                .isEmpty();
        assertThat(batch(BatchState.SUBMITTED, "fin-1").refusal(Transition.REJECT, "fin-2"))
                .isEmpty();
        assertThat(batch(BatchState.APPROVED, "fin-1").refusal(Transition.CONFIRM_PAYOUT, "fin-1"))
                .isEmpty();
        assertThat(batch(BatchState.COLLECTING, null).refusal(Transition.SUBMIT, "fin-1"))
                .contains(SettlementBatch.Refusal.ILLEGAL_TRANSITION);
        assertThat(batch(BatchState.DRAFT, null).refusal(Transition.APPROVE, "fin-2"))
                .contains(SettlementBatch.Refusal.ILLEGAL_TRANSITION);
        assertThat(batch(BatchState.APPROVED, "fin-1").refusal(Transition.REJECT, "fin-2"))
                .contains(SettlementBatch.Refusal.ILLEGAL_TRANSITION);
        assertThat(batch(BatchState.PAID, "fin-1").refusal(Transition.CONFIRM_PAYOUT, "fin-2"))
                .contains(SettlementBatch.Refusal.ILLEGAL_TRANSITION);
        assertThat(batch(BatchState.REJECTED, "fin-1").refusal(Transition.SUBMIT, "fin-1"))
                .contains(SettlementBatch.Refusal.ILLEGAL_TRANSITION);
    }

    @Test
    void shouldHaveAPayoutFileOnlyFromApprovalOn() {
        assertThat(batch(BatchState.SUBMITTED, "fin-1").hasPayoutFile()).isFalse();
        assertThat(batch(BatchState.APPROVED, "fin-1").hasPayoutFile()).isTrue();
        assertThat(batch(BatchState.PAID, "fin-1").hasPayoutFile()).isTrue();
    }

    @Test
    void shouldMakeADayOfTheSettlementZoneIntoAHalfOpenPeriod() {
        Period day = Period.ofDay(LocalDate.parse("2026-11-20"), ZoneId.of("Asia/Shanghai"));

        assertThat(day.from()).isEqualTo(Instant.parse("2026-11-19T16:00:00Z"));
        assertThat(day.to()).isEqualTo(Instant.parse("2026-11-20T16:00:00Z"));
        assertThatThrownBy(() -> new Period(T, T)).isInstanceOf(IllegalArgumentException.class);
    }
}
