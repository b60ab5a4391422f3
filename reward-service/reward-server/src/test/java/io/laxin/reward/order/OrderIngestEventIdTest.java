package io.laxin.reward.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.laxin.reward.order.application.RecordPaidOrderCommand;
import io.laxin.reward.order.application.RefundOrderCommand;
import io.laxin.reward.order.domain.OrderFacts;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The event ids the host endpoints publish under: one per report, never shared by an order and a refund. */
class OrderIngestEventIdTest {

    private static final Instant AT = Instant.parse("2026-11-22T08:00:00Z");

    private static String paid(String orderId) {
        return RecordPaidOrderCommand.reportedOverHttp(new OrderFacts.Paid(orderId, "bob", 100L, AT))
                .eventId();
    }

    private static String refunded(String refundId) {
        return RefundOrderCommand.reportedOverHttp(new OrderFacts.Refunded(refundId, "o-1", 100L, AT))
                .eventId();
    }

    @Test
    void shouldGiveTheSameReportTheSameEventIdEveryTime() {
        assertThat(paid("o-1")).isEqualTo(paid("o-1")).hasSizeLessThanOrEqualTo(64);
        assertThat(refunded("r-1")).isEqualTo(refunded("r-1"));
        assertThat(paid("o-1")).isNotEqualTo(paid("o-2"));
    }

    @Test
    void shouldNotLetARefundIdEqualToAnOrderIdShareItsEventId() {
        assertThat(refunded("o-1")).isNotEqualTo(paid("o-1"));
    }

    @Test
    void shouldMarkOnlyHttpReportsForPublishing() {
        assertThat(RecordPaidOrderCommand.reportedOverHttp(new OrderFacts.Paid("o-1", "bob", 100L, AT))
                        .overHttp())
                .isTrue();
        assertThat(new RecordPaidOrderCommand(
                                "reward-service-order-cashback", "e-1", new OrderFacts.Paid("o-1", "bob", 100L, AT))
                        .overHttp())
                .isFalse();
    }
}
