package io.laxin.reward.order;

import static io.laxin.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.laxin.antifraud.api.event.RiskDecidedEvent;
import io.laxin.antifraud.api.event.RiskEventTags;
import io.laxin.invite.api.dto.CashbackDTO;
import io.laxin.invite.api.dto.RewardSpecDTO;
import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.Role;
import io.laxin.reward.RewardItSupport;
import io.laxin.reward.api.event.OrderEventTags;
import io.laxin.reward.api.event.OrderPaidEvent;
import io.laxin.reward.reward.domain.Attributions;
import io.laxin.testsupport.RocketMqProbe;
import io.laxin.testsupport.TestHttp;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class OrderCashbackIT extends OrderItSupport {

    @Autowired
    Attributions attributions;

    @Autowired
    DataSource dataSource;

    @Test
    void shouldGiveCashbackToAnOrderReportedBeforeItsBuyersAttributionArrived() {
        Invitee i = newInvitee();
        String early = newId("o");
        String refundedEarly = newId("o");
        // the host reports the order the moment it is paid; the ATTRIBUTED event is still on its way
        assertThat(paidOverHttp(early, i.buyer(), 10_000, daysAfterAttribution(1))
                        .json()
                        .get("outcome")
                        .asString())
                .isEqualTo("NOT_INVITEE");
        paidOverHttp(refundedEarly, i.buyer(), 5_000, daysAfterAttribution(1));
        refundOverHttp(newId("r"), refundedEarly, 1_000);

        attributed(i, cashback(1000, null, null), null);

        assertThat(order(early).get("outcome")).isEqualTo("QUALIFIED");
        assertThat(longOf(order(early), "referral_id")).isEqualTo(i.referralId());
        assertThat(longOf(reward("cashback:" + early), "amount")).isEqualTo(1000);
        assertThat(order(refundedEarly).get("outcome"))
                .as("refunded before: no cashback for it")
                .isEqualTo("NOT_INVITEE");
    }

    @Test
    void shouldPayTheReferrerItsShareInWholeFenWhenAnOrderIsPaidWithinTheWindow() {
        Invitee i = attributed(cashback(333, 30, null));
        String orderId = newId("o");
        Instant paidAt = daysAfterAttribution(2);

        publish(paidEvent(orderId, i.buyer(), 12_345, paidAt));

        awaitOrderTopicDrained();
        var cashback = reward("cashback:" + orderId);
        assertThat(cashback.get("user_id")).isEqualTo(i.referrer());
        assertThat(cashback.get("beneficiary")).isEqualTo("REFERRER");
        assertThat(cashback.get("source")).isEqualTo("CASHBACK");
        assertThat(cashback.get("kind")).isEqualTo("CASH");
        assertThat(longOf(cashback, "amount")).isEqualTo(411); // floor(12345 × 333 / 10000) = floor(411.0885)
        assertThat(cashback.get("status")).isEqualTo("PENDING");
        assertThat(cashback.get("order_id")).isEqualTo(orderId);
        assertThat(cashback.get("release_at"))
                .isEqualTo(LocalDateTime.ofInstant(daysAfterAttribution(2 + HOLD_DAYS), ZoneOffset.UTC));
        var order = order(orderId);
        assertThat(order.get("outcome")).isEqualTo("QUALIFIED");
        assertThat(longOf(order, "cashback_fen")).isEqualTo(411);
        assertThat(longOf(order, "qualifying_nth")).isEqualTo(1);
    }

    @Test
    void shouldRecordOrdersOutsideTheWindowOrBeyondTheFirstKWithNothingEarned() {
        Invitee i = attributed(cashback(1000, 10, 2));
        String first = newId("o");
        String second = newId("o");
        String third = newId("o");
        String late = newId("o");
        String early = newId("o");

        assertThat(paidOverHttp(early, i.buyer(), 1000, daysAfterAttribution(-1))
                        .status())
                .isEqualTo(200);
        assertThat(paidOverHttp(first, i.buyer(), 1000, daysAfterAttribution(1)).status())
                .isEqualTo(200);
        assertThat(paidOverHttp(late, i.buyer(), 1000, daysAfterAttribution(10)).status())
                .isEqualTo(200);
        assertThat(paidOverHttp(second, i.buyer(), 1000, daysAfterAttribution(2))
                        .status())
                .isEqualTo(200);
        var beyond = paidOverHttp(third, i.buyer(), 1000, daysAfterAttribution(3));

        assertThat(beyond.json().get("outcome").asString()).isEqualTo("BEYOND_FIRST_K");
        assertThat(order(first).get("outcome")).isEqualTo("QUALIFIED");
        assertThat(order(second).get("outcome")).isEqualTo("QUALIFIED");
        assertThat(longOf(order(second), "qualifying_nth")).isEqualTo(2);
        assertThat(order(third).get("outcome")).isEqualTo("BEYOND_FIRST_K");
        assertThat(order(late).get("outcome")).isEqualTo("OUTSIDE_WINDOW");
        assertThat(order(early).get("outcome")).isEqualTo("OUTSIDE_WINDOW");
        assertThat(count("reward WHERE referral_id = ? AND source = 'CASHBACK'", i.referralId()))
                .isEqualTo(2);
        assertThat(count("reward WHERE order_id IN (?, ?, ?)", third, late, early))
                .isZero();
        assertThat(longOf(order(third), "cashback_fen")).isZero();
    }

    /**
     * The write skew the long fault run found: the order's transaction reads "no attribution" and, before it inserts
     * the order, the attribution's transaction re-screens the buyer's earlier orders (none yet) and commits; the
     * order is then stored NOT_INVITEE and neither pays its cashback. Here the test holds the order's insert (an
     * uncommitted row with the same order id, another buyer) until the attribution's transaction has either
     * committed or is waiting for a lock, then lets the order go on.
     */
    @Test
    void shouldGiveCashbackToAnOrderRecordedWhileItsBuyersAttributionIsBeingRecorded() throws Exception {
        Invitee i = newInvitee();
        String orderId = newId("o");
        try (Connection held = holding(
                "INSERT INTO host_order (order_id, buyer_user_id, amount_fen, paid_at, outcome, cashback_fen, "
                        + "refunded_fen, source_event_id, created_at, updated_at) "
                        + "VALUES (?, 'someone-else', 1, NOW(3), 'NOT_INVITEE', 0, 0, 'held', NOW(3), NOW(3))",
                orderId)) {
            Future<TestHttp.Response> paid = whileHeld(
                    held,
                    () -> paidOverHttp(orderId, i.buyer(), 10_000, daysAfterAttribution(1)),
                    () -> deliverAttribution(i, cashback(1000, null, null), null),
                    () -> count("attribution WHERE referral_id = ?", i.referralId()) == 1);
            assertThat(paid.get().status()).isEqualTo(200);
        }
        awaitTrue(() -> count("attribution WHERE referral_id = ?", i.referralId()) == 1);

        assertThat(order(orderId).get("outcome")).isEqualTo("QUALIFIED");
        assertThat(longOf(reward("cashback:" + orderId), "amount")).isEqualTo(1000);
    }

    /**
     * The same skew with a fraud REJECT: the order read its buyer's attribution as standing and, before it issued the
     * cashback, the revocation took back the referral's rewards (the cashback not among them yet) and committed. The
     * test holds the order on its first-K count (an uncommitted tally row for the referral).
     */
    @Test
    void shouldTakeBackTheCashbackOfAnOrderRecordedWhileItsBuyersReferralIsBeingRevoked() throws Exception {
        Invitee i = attributed(cashback(1000, null, null));
        String orderId = newId("o");
        RiskDecidedEvent reject = RewardItSupport.rejected(i.campaignId(), i.buyer(), i.referrer());
        Callable<Boolean> revoked =
                () -> count("risk_block WHERE campaign_id = ? AND invitee_user_id = ?", i.campaignId(), i.buyer()) == 1;
        try (Connection held =
                holding("INSERT INTO order_tally (referral_id, qualifying) VALUES (?, 0)", i.referralId())) {
            Future<TestHttp.Response> paid = whileHeld(
                    held,
                    () -> paidOverHttp(orderId, i.buyer(), 10_000, daysAfterAttribution(1)),
                    () -> RocketMqProbe.send(
                            namesrv,
                            topics.risk(),
                            RiskEventTags.DECIDED,
                            reject.eventId(),
                            TestHttp.JSON.writeValueAsString(reject)),
                    revoked);
            assertThat(paid.get().status()).isEqualTo(200);
        }
        awaitTrue(revoked);

        assertThat(reward("cashback:" + orderId).get("status")).isEqualTo("REVOKED");
    }

    /** An uncommitted row of this test's own, which a transaction inserting or locking the same key waits for. */
    private Connection holding(String insert, Object key) throws Exception {
        Connection held = dataSource.getConnection();
        held.setAutoCommit(false);
        try (PreparedStatement statement = held.prepareStatement(insert)) {
            statement.setObject(1, key);
            statement.executeUpdate();
        }
        return held;
    }

    /**
     * Starts {@code blocked} (which waits for the held row), then {@code racing}; waits until the racing transaction
     * has either committed ({@code raced}) or waits for a lock too, then releases the held row.
     */
    private Future<TestHttp.Response> whileHeld(
            Connection held, Callable<TestHttp.Response> blocked, Runnable racing, Callable<Boolean> raced)
            throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<TestHttp.Response> answer = pool.submit(blocked);
            awaitTrue(() -> transactionsWaitingForALock() >= 1);
            racing.run();
            awaitTrue(() -> raced.call() || transactionsWaitingForALock() >= 2);
            held.rollback();
            return answer;
        } finally {
            pool.shutdown();
        }
    }

    /** Transactions of this test's database that wait for a row lock. */
    private long transactionsWaitingForALock() {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM information_schema.INNODB_TRX t JOIN information_schema.PROCESSLIST p "
                        + "ON p.ID = t.trx_mysql_thread_id WHERE t.trx_state = 'LOCK WAIT' AND p.DB = DATABASE()",
                Long.class);
    }

    @Test
    void shouldLetOnlyOneOfConcurrentOrdersBeTheKth() throws Exception {
        Invitee i = attributed(cashback(1000, null, 1));
        int orders = 6;
        ExecutorService pool = Executors.newFixedThreadPool(orders);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<TestHttp.Response>> answers = new ArrayList<>();
        for (int n = 0; n < orders; n++) {
            String orderId = newId("o");
            answers.add(pool.submit(() -> {
                start.await();
                return paidOverHttp(orderId, i.buyer(), 1000, daysAfterAttribution(1));
            }));
        }

        start.countDown();
        for (Future<TestHttp.Response> a : answers) {
            assertThat(a.get().status()).isEqualTo(200);
        }
        pool.shutdown();

        assertThat(count("host_order WHERE buyer_user_id = ? AND outcome = 'QUALIFIED'", i.buyer()))
                .isEqualTo(1);
        assertThat(count("host_order WHERE buyer_user_id = ? AND outcome = 'BEYOND_FIRST_K'", i.buyer()))
                .isEqualTo(orders - 1);
        assertThat(count("reward WHERE referral_id = ? AND source = 'CASHBACK'", i.referralId()))
                .isEqualTo(1);
    }

    @Test
    void shouldRecordWhyABuyersOrderEarnedNothing() {
        Invitee noCashback = attributed(null);
        Invitee revoked = attributed(cashback(1000, null, null));
        attributions.markRevoked(revoked.referralId(), "FRAUD_REJECTED");
        String stranger = newId("o");
        String uncovered = newId("o");
        String afterRevocation = newId("o");

        paidOverHttp(stranger, newId("nobody"), 5000, daysAfterAttribution(1));
        paidOverHttp(uncovered, noCashback.buyer(), 5000, daysAfterAttribution(1));
        paidOverHttp(afterRevocation, revoked.buyer(), 5000, daysAfterAttribution(1));

        assertThat(order(stranger).get("outcome")).isEqualTo("NOT_INVITEE");
        assertThat(order(stranger).get("referral_id")).isNull();
        assertThat(order(uncovered).get("outcome")).isEqualTo("NO_CASHBACK_POLICY");
        assertThat(order(afterRevocation).get("outcome")).isEqualTo("ATTRIBUTION_REVOKED");
        assertThat(count("reward WHERE order_id IN (?, ?, ?)", stranger, uncovered, afterRevocation))
                .isZero();
    }

    @Test
    void shouldGiveTheFirstOrderBonusesOnTheFirstQualifyingOrderOnly() {
        Invitee i = attributed(new CashbackDTO(
                500,
                null,
                null,
                new RewardSpecDTO(RewardSpecDTO.RewardKind.CASH, 1000),
                new RewardSpecDTO(RewardSpecDTO.RewardKind.POINTS, 200)));
        String first = newId("o");
        String second = newId("o");

        paidOverHttp(first, i.buyer(), 2000, daysAfterAttribution(1));
        paidOverHttp(second, i.buyer(), 2000, daysAfterAttribution(2));

        var referrerBonus = reward("first-order:" + first + ":REFERRER");
        assertThat(referrerBonus.get("user_id")).isEqualTo(i.referrer());
        assertThat(referrerBonus.get("source")).isEqualTo("FIRST_ORDER");
        assertThat(longOf(referrerBonus, "amount")).isEqualTo(1000);
        var inviteeBonus = reward("first-order:" + first + ":INVITEE");
        assertThat(inviteeBonus.get("user_id")).isEqualTo(i.buyer());
        assertThat(inviteeBonus.get("beneficiary")).isEqualTo("INVITEE");
        assertThat(inviteeBonus.get("kind")).isEqualTo("POINTS");
        assertThat(longOf(inviteeBonus, "amount")).isEqualTo(200);
        assertThat(count("reward WHERE order_id = ?", first)).isEqualTo(3);
        assertThat(count("reward WHERE order_id = ?", second)).isEqualTo(1);
        assertThat(longOf(reward("cashback:" + second), "amount")).isEqualTo(100);
    }

    @Test
    void shouldChangeNothingWhenTheSameOrderEventIsDeliveredTwice() {
        Invitee i = attributed(cashback(1000, null, null));
        String orderId = newId("o");
        OrderPaidEvent event = paidEvent(orderId, i.buyer(), 3000, daysAfterAttribution(1));

        publish(event);
        publish(event);

        awaitOrderTopicDrained();
        assertThat(count("host_order WHERE order_id = ?", orderId)).isEqualTo(1);
        assertThat(count("reward WHERE order_id = ?", orderId)).isEqualTo(1);
        assertThat(count("ledger_entry WHERE reward_id = ?", longOf(reward("cashback:" + orderId), "id")))
                .isEqualTo(2);
        assertThat(count("processed_event WHERE event_id = ?", event.eventId())).isEqualTo(1);
    }

    @Test
    void shouldPayOnceForAnOrderReportedOverHttpAndThenOnTheTopic() {
        Invitee i = attributed(cashback(1000, null, null));
        String orderId = newId("o");
        var first = paidOverHttp(orderId, i.buyer(), 3000, daysAfterAttribution(1));

        publish(paidEvent(orderId, i.buyer(), 3000, daysAfterAttribution(1)));
        var again = paidOverHttp(orderId, i.buyer(), 3000, daysAfterAttribution(1));

        awaitOrderTopicDrained();
        assertThat(first.json().get("firstReport").asBoolean()).isTrue();
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("firstReport").asBoolean()).isFalse();
        assertThat(again.json().get("cashbackFen").asLong()).isEqualTo(300);
        assertThat(count("reward WHERE order_id = ?", orderId)).isEqualTo(1);
        assertThat(count("ledger_entry WHERE reward_id = ?", longOf(reward("cashback:" + orderId), "id")))
                .isEqualTo(2);
        // the host published its own event, so only the first (HTTP) report was published on its behalf
        assertThat(orderEventsPublishedFor(orderId)).isEqualTo(1);
    }

    @Test
    void shouldPublishAnOrderReportedOverHttpOnTheOrderTopicOnceAndIssueNothingMoreWhenItComesBack() {
        Invitee i = attributed(cashback(1000, null, null));
        String orderId = newId("o");
        Instant paidAt = daysAfterAttribution(1).plusMillis(123); // kept to the second, on MySQL and MariaDB alike
        Map<String, Object> body =
                Map.of("orderId", orderId, "buyerUserId", i.buyer(), "amountFen", 3000, "paidAt", paidAt);

        try (var capture = new RocketMqProbe.Capture(namesrv, topics.order())) {
            Retried posts = postedThrice("/api/v1/host/orders/paid", orderId, body);
            String eventId = (String) order(orderId).get("source_event_id");
            MessageExt delivered = theOneOrderEvent(capture, eventId, orderId, OrderEventTags.ORDER_PAID);

            posts.assertOnlyTheFirstRecorded();
            assertThat(TestHttp.JSON.readValue(bodyOf(delivered), OrderPaidEvent.class))
                    .usingRecursiveComparison()
                    .ignoringFields("occurredAt")
                    .isEqualTo(new OrderPaidEvent(
                            eventId,
                            "reward-service",
                            null,
                            OrderPaidEvent.SCHEMA_VERSION,
                            orderId,
                            i.buyer(),
                            3000,
                            paidAt.truncatedTo(ChronoUnit.SECONDS)));
        }
        // reward-service's own listener took the event in and issued nothing more
        assertThat(count("reward WHERE order_id = ?", orderId)).isEqualTo(1);
        assertThat(longOf(reward("cashback:" + orderId), "amount")).isEqualTo(300);
        assertThat(count("ledger_entry WHERE reward_id = ?", longOf(reward("cashback:" + orderId), "id")))
                .isEqualTo(2);
        assertThat(longOf(order(orderId), "qualifying_nth")).isEqualTo(1);
    }

    @Test
    void shouldRefuseAnOrderIdReportedAgainWithAnotherAmount() {
        Invitee i = attributed(cashback(1000, null, null));
        String orderId = newId("o");
        paidOverHttp(orderId, i.buyer(), 3000, daysAfterAttribution(1));

        assertProblem(paidOverHttp(orderId, i.buyer(), 3001, daysAfterAttribution(1)), 409, "ORDER_CONFLICT");
        assertThat(longOf(order(orderId), "amount_fen")).isEqualTo(3000);
        assertThat(orderEventsPublishedFor(orderId)).isEqualTo(1);
    }

    @Test
    void shouldRejectBadReportsWithStableCodesAndWriteNothing() {
        Invitee i = attributed(cashback(1000, null, null));
        String orderId = newId("o");
        Map<String, Object> noPaidAt = new HashMap<>();
        noPaidAt.put("orderId", orderId);
        noPaidAt.put("buyerUserId", i.buyer());
        noPaidAt.put("amountFen", 100);

        assertProblem(paidOverHttp(orderId, i.buyer(), 0, daysAfterAttribution(1)), 400, "ORDER_AMOUNT_INVALID");
        assertProblem(paidOverHttp("x".repeat(65), i.buyer(), 100, daysAfterAttribution(1)), 400, "ORDER_ID_INVALID");
        assertProblem(paidOverHttp(orderId, " ", 100, daysAfterAttribution(1)), 400, "ORDER_BUYER_INVALID");
        assertProblem(host().post("/api/v1/host/orders/paid", noPaidAt), 400, "ORDER_TIME_MISSING");
        // an order paid in the year 2999, or in 1970, or for more than ¥100 million, is a mistake
        assertProblem(
                paidOverHttp(orderId, i.buyer(), 100, Instant.parse("2999-01-01T00:00:00Z")),
                400,
                "ORDER_TIME_MISSING");
        assertProblem(paidOverHttp(orderId, i.buyer(), 100, Instant.EPOCH), 400, "ORDER_TIME_MISSING");
        assertProblem(
                paidOverHttp(orderId, i.buyer(), 10_000_000_001L, daysAfterAttribution(1)),
                400,
                "ORDER_AMOUNT_INVALID");
        assertProblem(refundOverHttp(newId("r"), orderId, -5), 400, "ORDER_AMOUNT_INVALID");
        assertProblem(refundOverHttp(newId("r"), newId("unknown"), 5), 404, "ORDER_NOT_FOUND");
        assertThat(count("host_order WHERE buyer_user_id = ?", i.buyer())).isZero();
        assertThat(count("reward WHERE order_id = ?", orderId)).isZero();
        assertThat(orderEventsPublishedFor(orderId)).isZero();
    }

    @Test
    void shouldLetOnlyTheHostReportOrders() {
        Invitee i = attributed(cashback(1000, null, null));
        String orderId = newId("o");
        Map<String, Object> body = Map.of(
                "orderId", orderId, "buyerUserId", i.buyer(), "amountFen", 800, "paidAt", daysAfterAttribution(1));

        assertProblem(as(Caller.user(i.buyer())).post("/api/v1/host/orders/paid", body), 403, "FORBIDDEN");
        assertProblem(as(Caller.staff("fin-1", Role.FINANCE)).post("/api/v1/host/orders/paid", body), 403, "FORBIDDEN");
        assertProblem(
                as(Caller.service("invite-service"))
                        .post("/api/v1/host/orders/refunds", refundBody(newId("r"), orderId, 1)),
                403,
                "FORBIDDEN");
        assertProblem(
                TestHttp.at("http://127.0.0.1:" + port).post("/api/v1/host/orders/paid", body), 401, "UNAUTHENTICATED");
        assertThat(count("host_order WHERE order_id = ?", orderId)).isZero();
    }

    @Test
    void shouldShowFinanceAnOrderWithItsOutcome() {
        Invitee i = attributed(cashback(1000, null, null));
        String orderId = newId("o");
        paidOverHttp(orderId, i.buyer(), 3000, daysAfterAttribution(1));

        var seen = as(Caller.staff("fin-1", Role.FINANCE)).get("/api/v1/admin/rewards/orders/" + orderId);

        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.json().get("order").get("outcome").asString()).isEqualTo("QUALIFIED");
        assertThat(seen.json().get("order").get("cashbackFen").asLong()).isEqualTo(300);
        assertProblem(host().get("/api/v1/admin/rewards/orders/" + orderId), 403, "FORBIDDEN");
    }
}
