package io.laxin.reward.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.laxin.invite.api.dto.CashbackDTO;
import io.laxin.invite.api.dto.RewardPolicyDTO;
import io.laxin.invite.api.dto.RewardSpecDTO;
import io.laxin.invite.api.event.ReferralAttributedEvent;
import io.laxin.invite.api.event.ReferralEventTags;
import io.laxin.kernel.idempotency.IdempotentRequests;
import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.messaging.Topics;
import io.laxin.reward.AntifraudDecisions;
import io.laxin.reward.InvitePolicies;
import io.laxin.reward.api.event.OrderEventTags;
import io.laxin.reward.api.event.OrderPaidEvent;
import io.laxin.reward.api.event.OrderRefundedEvent;
import io.laxin.testsupport.LaxinIntegrationTest;
import io.laxin.testsupport.RocketMqProbe;
import io.laxin.testsupport.TestHttp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.rocketmq.client.consumer.store.ReadOffsetType;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.impl.consumer.DefaultMQPushConsumerImpl;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.spring.support.DefaultRocketMQListenerContainer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The order ITs' shared setup: the same context as the other reward ITs (real MySQL and broker), attributed
 * invitees delivered as invite-service would (their policy served by {@link InvitePolicies}), and the host's two ways
 * of reporting orders.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=reward-service")
@LaxinIntegrationTest
abstract class OrderItSupport {

    /** When every test's invitee was attributed; orders are paid relative to it. */
    protected static final Instant ATTRIBUTED_AT = Instant.parse("2026-11-20T08:00:00Z");

    protected static final int HOLD_DAYS = 7;
    private static final AtomicLong IDS = new AtomicLong(50_000);

    @DynamicPropertySource
    static void siblings(DynamicPropertyRegistry registry) {
        registry.add("laxin.services.invite-url", InvitePolicies::url);
        registry.add("laxin.services.antifraud-url", AntifraudDecisions::url);
    }

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
    protected record Invitee(long referralId, long campaignId, String referrer, String buyer) {}

    protected static CashbackDTO cashback(int shareBasisPoints, Integer windowDays, Integer firstOrders) {
        return new CashbackDTO(shareBasisPoints, windowDays, firstOrders, null, null);
    }

    protected Invitee attributed(CashbackDTO cashback) {
        return attributed(cashback, null);
    }

    /** Delivers a referral-attributed event with this cashback and budget, and waits for its rewards. */
    protected Invitee attributed(CashbackDTO cashback, Long budgetFen) {
        return attributed(newInvitee(), cashback, budgetFen);
    }

    /** A referrer and a buyer not attributed yet. */
    protected static Invitee newInvitee() {
        long id = IDS.incrementAndGet();
        return new Invitee(id, id, "referrer-" + id, "buyer-" + id);
    }

    /** Delivers the referral-attributed event of {@code i}, and waits until reward-service recorded it. */
    protected Invitee attributed(Invitee i, CashbackDTO cashback, Long budgetFen) {
        deliverAttribution(i, cashback, budgetFen);
        awaitTrue(() -> count("attribution WHERE referral_id = ?", i.referralId()) == 1);
        return i;
    }

    /** Puts the referral-attributed event of {@code i} on the broker, without waiting for reward-service. */
    protected void deliverAttribution(Invitee i, CashbackDTO cashback, Long budgetFen) {
        RewardPolicyDTO policy = new RewardPolicyDTO(
                new RewardSpecDTO(RewardSpecDTO.RewardKind.POINTS, 500),
                new RewardSpecDTO(RewardSpecDTO.RewardKind.CASH, 300),
                HOLD_DAYS,
                null,
                null,
                budgetFen,
                cashback);
        ReferralAttributedEvent e = new ReferralAttributedEvent(
                UUID.randomUUID().toString(),
                "invite-service",
                ATTRIBUTED_AT,
                ReferralAttributedEvent.SCHEMA_VERSION,
                i.referralId(),
                i.campaignId(),
                InvitePolicies.serve(i.campaignId(), policy),
                i.referrer(),
                i.buyer(),
                ATTRIBUTED_AT);
        RocketMqProbe.send(
                namesrv,
                topics.referral(),
                ReferralEventTags.ATTRIBUTED,
                e.eventId(),
                TestHttp.JSON.writeValueAsString(e));
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
        return host().post(
                        "/api/v1/host/orders/paid",
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
        return new OrderPaidEvent(
                UUID.randomUUID().toString(),
                "brand-shop",
                Instant.now(),
                OrderPaidEvent.SCHEMA_VERSION,
                orderId,
                buyer,
                amountFen,
                paidAt);
    }

    protected OrderRefundedEvent refundedEvent(String refundId, String orderId, long amountFen) {
        return new OrderRefundedEvent(
                UUID.randomUUID().toString(),
                "brand-shop",
                Instant.now(),
                OrderRefundedEvent.SCHEMA_VERSION,
                refundId,
                orderId,
                amountFen,
                daysAfterAttribution(3));
    }

    protected void publish(OrderPaidEvent e) {
        RocketMqProbe.send(
                namesrv, topics.order(), OrderEventTags.ORDER_PAID, e.eventId(), TestHttp.JSON.writeValueAsString(e));
    }

    protected void publish(OrderRefundedEvent e) {
        RocketMqProbe.send(
                namesrv,
                topics.order(),
                OrderEventTags.ORDER_REFUNDED,
                e.eventId(),
                TestHttp.JSON.writeValueAsString(e));
    }

    /**
     * Waits until every order event is on the broker (none left unsent in the outbox, so the ones reward-service
     * publishes for HTTP reports count too) and the app's order listener has consumed the topic to its end.
     */
    protected void awaitOrderTopicDrained() {
        awaitTrue(() -> count("outbox_event WHERE topic = ? AND sent_at IS NULL", topics.order()) == 0
                && orderListenerAtTheEnd());
    }

    private boolean orderListenerAtTheEnd() throws MQClientException {
        for (DefaultRocketMQListenerContainer container :
                context.getBeansOfType(DefaultRocketMQListenerContainer.class).values()) {
            if (!topics.order().equals(container.getTopic())) {
                continue;
            }
            DefaultMQPushConsumerImpl impl = container.getConsumer().getDefaultMQPushConsumerImpl();
            var queues = impl.getRebalanceImpl().getProcessQueueTable().keySet().stream()
                    .filter(mq -> topics.order().equals(mq.getTopic()))
                    .toList();
            if (queues.isEmpty()) {
                return false; // not balanced yet
            }
            for (MessageQueue mq : queues) {
                long consumed =
                        Math.max(0, impl.getOffsetStore().readOffset(mq, ReadOffsetType.MEMORY_FIRST_THEN_STORE));
                if (consumed < container.getConsumer().maxOffset(mq)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A report posted three times: first, again under the same Idempotency-Key, again under another key. */
    protected record Retried(TestHttp.Response first, TestHttp.Response replay, TestHttp.Response again) {

        /** Only the first recorded it; the replay answers the first answer, the other key a repeat. */
        void assertOnlyTheFirstRecorded() {
            assertThat(first.json().get("firstReport").asBoolean()).isTrue();
            assertThat(replay.json()).isEqualTo(first.json());
            assertThat(again.status()).as(again.toString()).isEqualTo(200);
            assertThat(again.json().get("firstReport").asBoolean()).isFalse();
        }
    }

    protected Retried postedThrice(String path, String key, Map<String, Object> body) {
        return new Retried(
                host().header(IdempotentRequests.HEADER, key).post(path, body),
                host().header(IdempotentRequests.HEADER, key).post(path, body),
                host().header(IdempotentRequests.HEADER, newId("k")).post(path, body));
    }

    /**
     * Waits until the order topic is drained and the event reached the capture, checks it is the one order event
     * naming {@code id} (in the outbox and on the topic) and that reward-service's own listener took it in, and
     * answers it.
     */
    protected MessageExt theOneOrderEvent(RocketMqProbe.Capture capture, String eventId, String id, String tag) {
        awaitOrderTopicDrained();
        awaitTrue(() -> !capture.withKey(eventId).isEmpty());
        assertThat(orderEventsPublishedFor(id)).isEqualTo(1);
        assertThat(capture.messages().stream().filter(m -> bodyOf(m).contains(id)))
                .hasSize(1);
        MessageExt delivered = capture.withKey(eventId).get(0);
        assertThat(delivered.getTags()).isEqualTo(tag);
        assertThat(count("processed_event WHERE event_id = ?", eventId)).isEqualTo(1);
        return delivered;
    }

    /** The order events reward-service put in the outbox whose payload names this order or refund id. */
    protected long orderEventsPublishedFor(String id) {
        return count("outbox_event WHERE topic = ? AND payload LIKE ?", topics.order(), "%\"" + id + "\"%");
    }

    protected static String bodyOf(MessageExt message) {
        return new String(message.getBody(), StandardCharsets.UTF_8);
    }

    protected static void awaitTrue(Callable<Boolean> condition) {
        await().atMost(Duration.ofSeconds(60)).until(condition);
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
