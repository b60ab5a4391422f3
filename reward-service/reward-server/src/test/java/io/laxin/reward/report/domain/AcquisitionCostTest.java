package io.laxin.reward.report.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AcquisitionCostTest {

    @Test
    void shouldRoundHalfUpToWholeFenOnceAtTheEnd() {
        // (650 fen + 1000 points at 50 fen per 100 points) / 3 invitees = 1150 / 3 = 383.33…
        assertThat(AcquisitionCost.of(3, 650, 1000, 50).perUserFen()).isEqualTo(383L);
        // 5 / 2 = 2.5 → 3 (half up)
        assertThat(AcquisitionCost.of(2, 5, 0, 100).perUserFen()).isEqualTo(3L);
        // 7 / 4 = 1.75 → 2; 5 / 4 = 1.25 → 1
        assertThat(AcquisitionCost.of(4, 7, 0, 100).perUserFen()).isEqualTo(2L);
        assertThat(AcquisitionCost.of(4, 5, 0, 100).perUserFen()).isEqualTo(1L);
    }

    @Test
    void shouldConvertPointsWithoutRoundingEachReward() {
        // 1 point at 50 fen per 100 points is 0.5 fen; 0.5 / 1 invitee = 0.5 → 1, and 3 points over 2 = 0.75 → 1
        assertThat(AcquisitionCost.of(1, 0, 1, 50).perUserFen()).isEqualTo(1L);
        assertThat(AcquisitionCost.of(2, 0, 3, 50).perUserFen()).isEqualTo(1L);
        // 199 points at 1 fen per 100 points = 1.99 fen over 2 invitees = 0.995 → 1; 149 → 0.745 → 1; 99 → 0.495 → 0
        assertThat(AcquisitionCost.of(2, 0, 199, 1).perUserFen()).isEqualTo(1L);
        assertThat(AcquisitionCost.of(2, 0, 99, 1).perUserFen()).isEqualTo(0L);
    }

    @Test
    void shouldHaveNoCostPerUserWithoutInvitees() {
        assertThat(AcquisitionCost.of(0, 650, 1000, 50).perUserFen()).isNull();
    }

    @Test
    void shouldKeepLargeTotalsExact() {
        // 10^12 fen over 3 invitees: no overflow, no float drift
        assertThat(AcquisitionCost.of(3, 1_000_000_000_000L, 0, 100).perUserFen())
                .isEqualTo(333_333_333_333L);
    }
}
