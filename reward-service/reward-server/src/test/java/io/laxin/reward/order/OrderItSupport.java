package io.laxin.reward.order;

import io.laxin.invite.api.dto.CashbackDTO;
import io.laxin.invite.api.dto.RewardPolicyDTO;
import io.laxin.invite.api.dto.RewardSpecDTO;
import io.laxin.invite.api.event.ReferralAttributedEvent;
import io.laxin.invite.api.event.ReferralEventTags;
import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.messaging.Topics;
import io.laxin.reward.api.event.OrderEventTags;
import io.laxin.reward.api.event.OrderPaidEvent;
import io.laxin.reward.api.event.OrderRefundedEvent;
import io.laxin.testsupport.LaxinIntegrationTest;
import io.laxin.testsupport.RocketMqProbe;
import io.laxin.testsupport.TestHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import static org.awaitility.Awaitility.await;

/**
 * The order ITs' shared setup: the same context as the other reward ITs (real MySQL and broker), attributed
 * invitees delivered as invite-service would, and the host's two ways of reporting orders.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=reward-service")
@LaxinIntegrationTest
abstract class OrderItSupport {

    /** When every test's invitee was attributed; orders are paid relative to it. */
    protected static final Instant ATTRIBUTED_AT = Instant.parse("2026-11-20T08:00:00Z");
    protected static final int HOLD_DAYS = 7;
    private static final AtomicLong IDS = new AtomicLong(50_000);

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected Topics topics;

    @Autowired
    protected ApplicationContext context;

    @Value("${rocketmq.name-server}")
    protected String namesrv;

    /** An attributed referral, in a campaign of its own (so budgets do not mix). */
    protected record Invitee(long referralId, long campaignId, String referrer, String buyer) {
    }

    protected static CashbackDTO cashback(int shareBasisPoints, Integer windowDays, Integer firstOrders) {
        return new CashbackDTO(shareBasisPoints, windowDays, firstOrders, null, null);
    }

    protected Invitee attributed(CashbackDTO cashback) {
        return attributed(cashback, null);
    }

    /** Delivers a referral-attributed event with this cashback and budget, and waits for its rewards. */
    protected Invitee attributed(CashbackDTO cashback, Long budgetFen) {
        long id = IDS.incrementAndGet();
        Invitee i = new Invitee(id, id, "referrer-" + id, "buyer-" + id);
        RewardPolicyDTO policy = new RewardPolicyDTO(new RewardSpecDTO(RewardSpecDTO.RewardKind.POINTS, 500),
                new RewardSpecDTO(RewardSpecDTO.RewardKind.CASH, 300), HOLD_DAYS, null, null, budgetFen, cashback);
        ReferralAttributedEvent e = new ReferralAttributedEvent(UUID.randomUUID().toString(), "invite-service",
                ATTRIBUTED_AT, 1, i.referralId(), i.campaignId(), 1, i.referrer(), i.buyer(), policy, ATTRIBUTED_AT);
        RocketMqProbe.send(namesrv, topics.referral(), ReferralEventTags.ATTRIBUTED, e.eventId(),
                TestHttp.JSON.writeValueAsString(e));
        awaitTrue(() -> count("attribution WHERE referral_id = ?", i.referralId()) == 1);
        return i;
    }

    protected static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    protected static Instant daysAfterAttribution(int days) {
        return ATTRIBUTED_AT.plus(days, ChronoUnit.DAYS);
    }

    protected TestHttp as(Caller caller) {
        return TestHttp.at("http://127.0.0.1:" + port).as(caller);
    }

    protected TestHttp host() {
        return as(Caller.host("brand-backend"));
    }

    protected TestHttp.Response paidOverHttp(String orderId, String buyer, long amountFen, Instant paidAt) {
        return host().post("/api/v1/host/orders/paid",
                Map.of("orderId", orderId, "buyerUserId", buyer, "amountFen", amountFen, "paidAt", paidAt));
    }

    protected TestHttp.Response refundOverHttp(String refundId, String orderId, long amountFen) {
        return host().post("/api/v1/host/orders/refunds", refundBody(refundId, orderId, amountFen));
    }

    protected static Map<String, Object> refundBody(String refundId, String orderId, long amountFen) {
        Map<String, Object> body = new HashMap<>();
        body.put("refundId", refundId);
        body.put("orderId", orderId);
        body.put("amountFen", amountFen);
        body.put("refundedAt", daysAfterAttribution(3));
        return body;
    }

    protected OrderPaidEvent paidEvent(String orderId, String buyer, long amountFen, Instant paidAt) {
        return new OrderPaidEvent(UUID.randomUUID().toString(), "brand-shop", Instant.now(),
                OrderPaidEvent.SCHEMA_VERSION, orderId, buyer, amountFen, paidAt);
    }

    protected OrderRefundedEvent refundedEvent(String refundId, String orderId, long amountFen) {
        return new OrderRefundedEvent(UUID.randomUUID().toString(), "brand-shop", Instant.now(),
                OrderRefundedEvent.SCHEMA_VERSION, refundId, orderId, amountFen, daysAfterAttribution(3));
    }

    protected void publish(OrderPaidEvent e) {
        RocketMqProbe.send(namesrv, topics.order(), OrderEventTags.ORDER_PAID, e.eventId(),
                TestHttp.JSON.writeValueAsString(e));
    }

    protected void publish(OrderRefundedEvent e) {
        RocketMqProbe.send(namesrv, topics.order(), OrderEventTags.ORDER_REFUNDED, e.eventId(),
                TestHttp.JSON.writeValueAsString(e));
    }

    /** How many order messages the app's listener has finished with. */
    protected long ordersConsumed() {
        return RocketMqProbe.consumed(context, topics.order());
    }

    protected void awaitOrdersConsumed(long total) {
        awaitTrue(() -> ordersConsumed() >= total);
    }

    protected static void awaitTrue(BooleanSupplier condition) {
        await().atMost(Duration.ofSeconds(60)).until(condition::getAsBoolean);
    }

    /** {@code SELECT COUNT(*) FROM <from>}, e.g. {@code count("reward WHERE order_id = ?", id)}. */
    protected long count(String from, Object... args) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + from, Long.class, args);
    }

    protected Map<String, Object> order(String orderId) {
        return jdbc.queryForMap("SELECT * FROM host_order WHERE order_id = ?", orderId);
    }

    protected Map<String, Object> reward(String businessKey) {
        return jdbc.queryForMap("SELECT * FROM reward WHERE business_key = ?", businessKey);
    }

    protected static long longOf(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).longValue();
    }
}
