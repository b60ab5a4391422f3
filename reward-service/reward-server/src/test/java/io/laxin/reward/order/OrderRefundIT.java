package io.laxin.reward.order;

import static io.laxin.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.laxin.invite.api.dto.CashbackDTO;
import io.laxin.invite.api.dto.RewardSpecDTO;
import io.laxin.reward.api.event.OrderEventTags;
import io.laxin.reward.api.event.OrderRefundedEvent;
import io.laxin.reward.reward.application.RewardBook;
import io.laxin.reward.reward.domain.Rewards;
import io.laxin.testsupport.RocketMqProbe;
import io.laxin.testsupport.TestHttp;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

class OrderRefundIT extends OrderItSupport {

    @Autowired
    RewardBook book;

    @Autowired
    Rewards rewards;

    @Autowired
    TransactionTemplate tx;

    private long budgetUsed(long campaignId) {
        return jdbc.queryForObject(
                "SELECT used_fen FROM campaign_budget WHERE campaign_id = ?", Long.class, campaignId);
    }

    /** A paid order of 10 000 fen whose cashback (10 %) is 1 000 fen, under a budget. */
    private String paidOrder(Invitee i) {
        String orderId = newId("o");
        assertThat(paidOverHttp(orderId, i.buyer(), 10_000, daysAfterAttribution(1))
                        .json()
                        .get("cashbackFen")
                        .asLong())
                .isEqualTo(1000);
        return orderId;
    }

    @Test
    void shouldReduceAPendingCashbackOnAPartialRefundAndVoidItWhenTheRestIsRefunded() {
        Invitee i = attributed(
                new CashbackDTO(1000, null, null, new RewardSpecDTO(RewardSpecDTO.RewardKind.CASH, 500), null),
                1_000_000L);
        long usedBeforeOrder = budgetUsed(i.campaignId());
        String orderId = paidOrder(i);
        assertThat(budgetUsed(i.campaignId())).isEqualTo(usedBeforeOrder + 1000 + 500);

        var partial = refundOverHttp(newId("r"), orderId, 2500);

        assertThat(partial.status()).isEqualTo(200);
        assertThat(partial.json().get("cashbackTakenFen").asLong()).isEqualTo(250);
        var cashback = reward("cashback:" + orderId);
        assertThat(cashback.get("status")).isEqualTo("PENDING");
        assertThat(longOf(cashback, "amount")).isEqualTo(750);
        assertThat(longOf(reward("first-order:" + orderId + ":REFERRER"), "amount"))
                .isEqualTo(500);
        assertThat(budgetUsed(i.campaignId())).isEqualTo(usedBeforeOrder + 750 + 500);

        var rest = refundOverHttp(newId("r"), orderId, 7500);

        assertThat(rest.json().get("cashbackTakenFen").asLong()).isEqualTo(750);
        assertThat(rest.json().get("orderRefundedFen").asLong()).isEqualTo(10_000);
        cashback = reward("cashback:" + orderId);
        assertThat(cashback.get("status")).isEqualTo("REVOKED");
        assertThat(cashback.get("status_reason")).isEqualTo("ORDER_REFUNDED");
        assertThat(reward("first-order:" + orderId + ":REFERRER").get("status")).isEqualTo("REVOKED");
        assertThat(budgetUsed(i.campaignId())).isEqualTo(usedBeforeOrder);
        assertThat(longOf(order(orderId), "refunded_fen")).isEqualTo(10_000);
    }

    @Test
    void shouldRecordCashbackTheBudgetRefusedAndRefundItWithoutTakingAnythingBack() {
        Invitee i = attributed(cashback(1000, null, null), 0L);
        String orderId = newId("o");

        var paid = paidOverHttp(orderId, i.buyer(), 10_000, daysAfterAttribution(1));
        var refund = refundOverHttp(newId("r"), orderId, 10_000);

        assertThat(paid.json().get("outcome").asString()).isEqualTo("QUALIFIED");
        assertThat(paid.json().get("cashbackFen").asLong()).isZero();
        var cashback = reward("cashback:" + orderId);
        assertThat(cashback.get("status")).isEqualTo("REFUSED");
        assertThat(cashback.get("status_reason")).isEqualTo("BUDGET_EXHAUSTED");
        assertThat(refund.status()).isEqualTo(200);
        assertThat(refund.json().get("cashbackTakenFen").asLong()).isZero();
        assertThat(count("reward WHERE adjusts_reward_id = ?", longOf(cashback, "id")))
                .isZero();
    }

    @Test
    void shouldTakeBackInWholeFenAndNeverMoreThanWasIssued() {
        Invitee i = attributed(cashback(333, null, null));
        String orderId = newId("o");
        paidOverHttp(orderId, i.buyer(), 1000, daysAfterAttribution(1)); // cashback floor(33.3) = 33

        long first = refundOverHttp(newId("r"), orderId, 500)
                .json()
                .get("cashbackTakenFen")
                .asLong();
        long second = refundOverHttp(newId("r"), orderId, 500)
                .json()
                .get("cashbackTakenFen")
                .asLong();

        assertThat(first).isEqualTo(16); // floor(33 × 500 / 1000)
        assertThat(first + second).isEqualTo(33);
        assertThat(reward("cashback:" + orderId).get("status")).isEqualTo("REVOKED");
    }

    @Test
    void shouldLeaveANegativeAdjustmentWhenRefundedAfterTheCashbackWasReleased() {
        Invitee i = attributed(cashback(1000, null, null));
        String orderId = paidOrder(i);
        long cashbackId = longOf(reward("cashback:" + orderId), "id");
        Boolean released = tx.execute(s -> book.release(rewards.byId(cashbackId).orElseThrow()));
        assertThat(released).isTrue();
        String refundId = newId("r");

        var refund = refundOverHttp(refundId, orderId, 3000);

        assertThat(refund.json().get("cashbackTakenFen").asLong()).isEqualTo(300);
        var cashback = reward("cashback:" + orderId);
        assertThat(cashback.get("status")).isEqualTo("AVAILABLE");
        assertThat(longOf(cashback, "amount")).isEqualTo(1000);
        var adjustment = jdbc.queryForMap("SELECT * FROM reward WHERE adjusts_reward_id = ?", cashbackId);
        assertThat(adjustment.get("source")).isEqualTo("ADJUSTMENT");
        assertThat(longOf(adjustment, "amount")).isEqualTo(-300);
        assertThat(adjustment.get("user_id")).isEqualTo(i.referrer());
        assertThat(adjustment.get("status_reason")).isEqualTo("ORDER_REFUNDED");
        assertThat(adjustment.get("business_key")).isEqualTo("adjust:" + cashbackId + ":refund:" + refundId);
    }

    @Test
    void shouldRefuseARefundOverWhatIsLeftOfTheOrderAndWriteNothing() {
        Invitee i = attributed(cashback(1000, null, null));
        String orderId = paidOrder(i);
        refundOverHttp(newId("r"), orderId, 6000);
        long cashbackId = longOf(reward("cashback:" + orderId), "id");
        long postings = count("ledger_entry WHERE reward_id = ?", cashbackId);
        String refundId = newId("r");

        assertProblem(refundOverHttp(refundId, orderId, 4001), 422, "REFUND_EXCEEDS_ORDER");

        assertThat(count("order_refund WHERE refund_id = ?", refundId)).isZero();
        assertThat(orderEventsPublishedFor(refundId)).isZero();
        assertThat(longOf(order(orderId), "refunded_fen")).isEqualTo(6000);
        assertThat(longOf(reward("cashback:" + orderId), "amount")).isEqualTo(400);
        assertThat(count("ledger_entry WHERE reward_id = ?", cashbackId)).isEqualTo(postings);
    }

    @Test
    void shouldTakeBackOnceWhenTheSameRefundEventIsDeliveredTwice() {
        Invitee i = attributed(cashback(1000, null, null));
        String orderId = paidOrder(i);
        OrderRefundedEvent event = refundedEvent(newId("r"), orderId, 2000);

        publish(event);
        publish(event);

        awaitOrderTopicDrained();
        assertThat(longOf(reward("cashback:" + orderId), "amount")).isEqualTo(800);
        assertThat(longOf(order(orderId), "refunded_fen")).isEqualTo(2000);
        assertThat(count("processed_event WHERE event_id = ?", event.eventId())).isEqualTo(1);
    }

    @Test
    void shouldTakeBackOnceForARefundReportedOverHttpAndThenOnTheTopic() {
        Invitee i = attributed(cashback(1000, null, null));
        String orderId = paidOrder(i);
        String refundId = newId("r");
        refundOverHttp(refundId, orderId, 2000);

        publish(refundedEvent(refundId, orderId, 2000));
        var again = refundOverHttp(refundId, orderId, 2000);

        awaitOrderTopicDrained();
        assertThat(again.json().get("firstReport").asBoolean()).isFalse();
        assertThat(longOf(reward("cashback:" + orderId), "amount")).isEqualTo(800);
        assertThat(longOf(order(orderId), "refunded_fen")).isEqualTo(2000);
    }

    @Test
    void shouldPublishARefundReportedOverHttpOnTheOrderTopicOnceAndTakeBackNothingMoreWhenItComesBack() {
        Invitee i = attributed(cashback(1000, null, null));
        String orderId = paidOrder(i);
        String refundId = newId("r");
        var body = refundBody(refundId, orderId, 2000);

        try (var capture = new RocketMqProbe.Capture(namesrv, topics.order())) {
            Retried posts = postedThrice("/api/v1/host/orders/refunds", refundId, body);
            String eventId = jdbc.queryForObject(
                    "SELECT source_event_id FROM order_refund WHERE refund_id = ?", String.class, refundId);
            MessageExt delivered = theOneOrderEvent(capture, eventId, refundId, OrderEventTags.ORDER_REFUNDED);

            posts.assertOnlyTheFirstRecorded();
            assertThat(TestHttp.JSON.readValue(bodyOf(delivered), OrderRefundedEvent.class))
                    .usingRecursiveComparison()
                    .ignoringFields("occurredAt")
                    .isEqualTo(new OrderRefundedEvent(
                            eventId,
                            "reward-service",
                            null,
                            OrderRefundedEvent.SCHEMA_VERSION,
                            refundId,
                            orderId,
                            2000,
                            daysAfterAttribution(3)));
        }
        // reward-service's own listener took the event in and took nothing more back
        assertThat(longOf(reward("cashback:" + orderId), "amount")).isEqualTo(800);
        assertThat(longOf(order(orderId), "refunded_fen")).isEqualTo(2000);
        assertThat(count("order_refund WHERE order_id = ?", orderId)).isEqualTo(1);
    }

    @Test
    void shouldApplyARefundThatArrivesBeforeItsOrderOnceTheOrderIsThere() {
        Invitee i = attributed(cashback(1000, null, null));
        String orderId = newId("o");
        String refundId = newId("r");

        publish(refundedEvent(refundId, orderId, 4000));
        // kept at once, not left to the broker's retries (which give up after a few hours)
        awaitTrue(() -> count("early_refund WHERE refund_id = ?", refundId) == 1);
        assertThat(count("order_refund WHERE refund_id = ?", refundId)).isZero();

        publish(paidEvent(orderId, i.buyer(), 10_000, daysAfterAttribution(1)));

        awaitTrue(() -> count("order_refund WHERE refund_id = ?", refundId) == 1);
        assertThat(longOf(reward("cashback:" + orderId), "amount")).isEqualTo(600);
        assertThat(longOf(order(orderId), "refunded_fen")).isEqualTo(4000);
        assertThat(count("early_refund WHERE refund_id = ?", refundId)).isZero();
    }

    @Test
    void shouldKeepAnEarlyRefundThatExceedsItsOrderWithTheReasonAndPayTheOrderInFull() {
        Invitee i = attributed(cashback(1000, null, null));
        String orderId = newId("o");
        String refundId = newId("r");
        publish(refundedEvent(refundId, orderId, 20_000));
        awaitTrue(() -> count("early_refund WHERE refund_id = ?", refundId) == 1);

        publish(paidEvent(orderId, i.buyer(), 10_000, daysAfterAttribution(1)));

        awaitTrue(() -> count("host_order WHERE order_id = ?", orderId) == 1);
        assertThat(longOf(reward("cashback:" + orderId), "amount")).isEqualTo(1000);
        assertThat(count("order_refund WHERE refund_id = ?", refundId)).isZero();
        assertThat(jdbc.queryForObject("SELECT refused FROM early_refund WHERE refund_id = ?", String.class, refundId))
                .startsWith("REFUND_EXCEEDS_ORDER");
    }

    @Test
    void shouldStillAnswer404ForARefundReportedOverHttpBeforeItsOrder() {
        String orderId = newId("o");
        String refundId = newId("r");

        assertProblem(refundOverHttp(refundId, orderId, 100), 404, "ORDER_NOT_FOUND");

        assertThat(count("early_refund WHERE refund_id = ?", refundId)).isZero();
    }
}
