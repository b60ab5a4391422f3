package io.laxin.webhook.delivery.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(30), Duration.ofHours(2), 20);

    @Test
    void shouldDoubleTheCeilingUpToTheCap() {
        assertThat(schedule.ceilingAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(schedule.ceilingAfter(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(schedule.ceilingAfter(5)).isEqualTo(Duration.ofSeconds(480));
        assertThat(schedule.ceilingAfter(9)).isEqualTo(Duration.ofHours(2));
        assertThat(schedule.ceilingAfter(19)).isEqualTo(Duration.ofHours(2));
        assertThat(schedule.ceilingAfter(1000)).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void shouldJitterOverTheWholeRange() {
        assertThat(schedule.delayAfter(3, () -> 0.0)).isEqualTo(Duration.ZERO);
        assertThat(schedule.delayAfter(3, () -> 0.5)).isEqualTo(Duration.ofSeconds(60));
        assertThat(schedule.delayAfter(3, () -> 0.999999)).isLessThan(Duration.ofSeconds(120));
    }

    @Test
    void shouldSpreadTheRetriesOverAboutADay() {
        Duration longest = Duration.ZERO;
        for (int n = 1; n < schedule.maxAttempts(); n++) {
            longest = longest.plus(schedule.ceilingAfter(n));
        }
        // 19 waits: 30 s … 1 h 4 min, then 2 h × 11 → at most about 24 h from the first attempt to the last
        assertThat(longest).isBetween(Duration.ofHours(23), Duration.ofHours(25));
        assertThat(schedule.exhausted(19)).isFalse();
        assertThat(schedule.exhausted(20)).isTrue();
    }
}
