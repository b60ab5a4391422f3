package io.laxin.antifraud.analysis;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.laxin.antifraud.analysis.application.ReportingActivity;
import io.laxin.antifraud.analysis.messaging.OrderActivityListener;
import io.laxin.reward.api.event.OrderPaidEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** An order whose payment time no retry will mend is dropped at once, not redelivered for hours and then parked. */
class OrderActivityListenerTest {

    private static final Instant NOW = Instant.parse("2026-12-07T04:00:00Z");

    private final ReportingActivity activity = mock(ReportingActivity.class);
    private final OrderActivityListener listener =
            new OrderActivityListener(activity, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void shouldRecordAPlausibleOrderAsActivity() {
        listener.handle(order(NOW.minusSeconds(60)));
        verify(activity).report(eq("buyer-1"), anyString(), eq(NOW.minusSeconds(60)), any());
    }

    @Test
    void shouldDropAnOrderPaidInTheFarFutureOrPastWithoutThrowing() {
        listener.handle(order(Instant.parse("2999-01-01T00:00:00Z")));
        listener.handle(order(Instant.parse("1970-01-01T00:00:00Z")));
        verify(activity, never()).report(anyString(), anyString(), any(), any());
    }

    private static OrderPaidEvent order(Instant paidAt) {
        return new OrderPaidEvent(
                "e-" + paidAt.toEpochMilli(),
                "brand-backend",
                NOW,
                OrderPaidEvent.SCHEMA_VERSION,
                "o-1",
                "buyer-1",
                1_000,
                paidAt);
    }
}
