package io.laxin.antifraud.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laxin.antifraud.api.AntifraudErrorCode;
import io.laxin.antifraud.screening.web.ScreeningGuard;
import io.laxin.kernel.error.LaxinException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScreeningGuardTest {

    private static ScreeningGuard guard(double qps, int minRequests) {
        return new ScreeningGuard(
                "test-" + java.util.UUID.randomUUID(),
                qps,
                0.5,
                10_000,
                10,
                minRequests,
                java.nio.file.Path.of("target/sentinel-logs"));
    }

    @Test
    void shouldShedLoadAboveTheFlowLimitWith429() {
        ScreeningGuard g = guard(2, 1000);
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            try {
                outcomes.add(g.guard(() -> "ok"));
            } catch (LaxinException e) {
                outcomes.add(e.errorCode().name() + " " + e.getMessage());
            }
        }
        assertThat(outcomes)
                .contains("ok")
                .anySatisfy(o -> assertThat(o).startsWith(AntifraudErrorCode.SCREENING_OVERLOADED.name()));
        assertThat(AntifraudErrorCode.SCREENING_OVERLOADED.status()).isEqualTo(429);
    }

    @Test
    void shouldOpenTheCircuitAfterFailuresAndAnswer503() {
        ScreeningGuard g = guard(100_000, 3);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> g.guard(() -> {
                        throw new IllegalStateException("redis down");
                    }))
                    .isInstanceOf(IllegalStateException.class);
        }
        assertThatThrownBy(() -> g.guard(() -> "ok"))
                .isInstanceOfSatisfying(
                        LaxinException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(AntifraudErrorCode.SCREENING_DEGRADED));
        assertThat(AntifraudErrorCode.SCREENING_DEGRADED.status()).isEqualTo(503);
        assertThat(System.getProperty("csp.sentinel.log.dir"))
                .doesNotStartWith(System.getProperty("user.home") + "/logs");
    }
}
