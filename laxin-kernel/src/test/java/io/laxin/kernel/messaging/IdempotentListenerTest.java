package io.laxin.kernel.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import tools.jackson.databind.json.JsonMapper;

class IdempotentListenerTest {

    static final Instant NOW = Instant.parse("2026-12-07T03:00:00Z");

    record Paid(String eventId, int schemaVersion, String orderId) {
        public static final int SCHEMA_VERSION = 1;
    }

    @RocketMQMessageListener(topic = Topics.ORDER_TOPIC, consumerGroup = "${spring.application.name}-test-orders")
    static class PaidListener extends IdempotentListener<Paid> {
        final List<Paid> handled = new ArrayList<>();
        RuntimeException failure;

        @Override
        public void handle(Paid event) {
            if (failure != null) {
                throw failure;
            }
            handled.add(event);
        }
    }

    final InMemoryParkedMessages parked = new InMemoryParkedMessages();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final MessageDelivery delivery = new MessageDelivery(
            parked,
            meters,
            JsonMapper.builder().build(),
            new MockEnvironment().withProperty("spring.application.name", "shop-service"),
            3);
    final PaidListener listener = new PaidListener();

    {
        listener.setMessageDelivery(delivery);
    }

    static MessageExt message(String body, int reconsumeTimes) {
        MessageExt m = new MessageExt();
        m.setTopic("LAXIN_ORDER");
        m.setTags("ORDER_PAID");
        m.setKeys("k-1");
        m.setMsgId("m-1");
        m.setBody(body.getBytes(StandardCharsets.UTF_8));
        m.setReconsumeTimes(reconsumeTimes);
        return m;
    }

    double parkedCount() {
        var counter = meters.find(MessageDelivery.PARKED_METRIC)
                .tag("consumer", "shop-service-test-orders")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    record Unversioned(String eventId) {}

    @RocketMQMessageListener(topic = "T", consumerGroup = "${spring.application.name}-unversioned")
    static class UnversionedListener extends IdempotentListener<Unversioned> {
        @Override
        public void handle(Unversioned event) {}
    }

    @Test
    void shouldRefuseToWireAListenerWhosePayloadDeclaresNoSchemaVersion() {
        assertThatThrownBy(() -> new UnversionedListener().setMessageDelivery(delivery))
                .hasMessageContaining("SCHEMA_VERSION");
    }

    @Test
    void shouldDeclareTheConsumerOnceFromTheListenerAnnotation() {
        assertThat(listener.consumer()).isEqualTo("shop-service-test-orders");
    }

    @Test
    void shouldHandleAGoodMessageAndParkNothing() {
        listener.onMessage(message("{\"eventId\":\"e1\",\"schemaVersion\":1,\"orderId\":\"o-1\"}", 0));

        assertThat(listener.handled).containsExactly(new Paid("e1", 1, "o-1"));
        assertThat(parked.rows).isEmpty();
        assertThat(parkedCount()).isZero();
    }

    @Test
    void shouldParkAPayloadOfAnUnknownSchemaVersionAtOnceWithoutRetrying() {
        listener.onMessage(message("{\"eventId\":\"e2\",\"schemaVersion\":2,\"orderId\":\"o-2\"}", 0));

        assertThat(listener.handled).isEmpty();
        assertThat(parked.rows).singleElement().satisfies(p -> {
            assertThat(p.consumer()).isEqualTo("shop-service-test-orders");
            assertThat(p.eventId()).isEqualTo("e2");
            assertThat(p.reason()).contains("UnsupportedSchemaVersion").contains("schemaVersion 2");
            assertThat(p.attempts()).isEqualTo(1);
            assertThat(p.topic()).isEqualTo("LAXIN_ORDER");
            assertThat(p.tags()).isEqualTo("ORDER_PAID");
            assertThat(p.keys()).isEqualTo("k-1");
            assertThat(p.msgId()).isEqualTo("m-1");
            assertThat(p.body()).contains("\"o-2\"");
        });
        assertThat(parkedCount()).isEqualTo(1);
    }

    @Test
    void shouldParkABodyThatIsNotJsonAtOnce() {
        listener.onMessage(message("not json", 0));

        assertThat(parked.rows).singleElement().satisfies(p -> {
            assertThat(p.eventId()).isNull();
            assertThat(p.body()).isEqualTo("not json");
        });
    }

    @Test
    void shouldRethrowAFailureBeforeTheLastAttemptSoTheBrokerRedelivers() {
        listener.failure = new IllegalStateException("store down");

        assertThatThrownBy(() -> listener.onMessage(message("{\"eventId\":\"e3\",\"orderId\":\"o-3\"}", 2)))
                .hasMessage("store down");
        assertThat(parked.rows).isEmpty();
        assertThat(parkedCount()).isZero();
    }

    @Test
    void shouldAcknowledgeAMessageTheConsumerIgnoresWithoutRedeliveringOrParkingItAndCountIt() {
        listener.failure = new IgnoredMessage("the order service knows no order o-9");

        listener.onMessage(message("{\"eventId\":\"e9\",\"orderId\":\"o-9\"}", 0));

        assertThat(parked.rows).isEmpty();
        assertThat(parkedCount()).isZero();
        assertThat(meters.find(MessageDelivery.IGNORED_METRIC)
                        .tag("consumer", "shop-service-test-orders")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void shouldParkAFailureOnTheLastAttemptWithItsReasonAndCountIt() {
        listener.failure = new IllegalStateException("store down");

        listener.onMessage(message("{\"eventId\":\"e4\",\"orderId\":\"o-4\"}", 3));

        assertThat(parked.rows).singleElement().satisfies(p -> {
            assertThat(p.eventId()).isEqualTo("e4");
            assertThat(p.reason()).isEqualTo("java.lang.IllegalStateException: store down");
            assertThat(p.attempts()).isEqualTo(4);
        });
        assertThat(parkedCount()).isEqualTo(1);
    }

    @Test
    void shouldStillThrowWhenTheMessageCannotBeParkedSoTheBrokerKeepsIt() {
        listener.failure = new IllegalStateException("store down");
        parked.failing = true;

        assertThatThrownBy(() -> listener.onMessage(message("{\"eventId\":\"e5\",\"orderId\":\"o-5\"}", 3)))
                .hasMessage("store down");
    }

    @Test
    void shouldTruncateALongReason() {
        listener.failure = new IllegalStateException("x".repeat(5000));

        listener.onMessage(message("{\"eventId\":\"e6\",\"orderId\":\"o-6\"}", 3));

        assertThat(parked.rows.get(0).reason()).hasSize(MessageDelivery.REASON_LENGTH);
    }

    @Test
    void shouldGiveTheConsumerTheConfiguredRetriesInsteadOfTheAnnotations() {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("g");

        listener.prepareStart(consumer);

        assertThat(consumer.getMaxReconsumeTimes()).isEqualTo(3);
    }

    @Test
    void shouldReplayWithTheSameHandlerAndReportAFailure() {
        listener.failure = new IllegalStateException("still down");
        MessageExt m = message("{\"eventId\":\"e7\",\"orderId\":\"o-7\"}", 0);
        assertThatThrownBy(() -> delivery.replay(listener, m)).hasMessage("still down");

        listener.failure = null;
        delivery.replay(listener, m);

        assertThat(listener.handled).extracting(Paid::orderId).containsExactly("o-7");
    }

    /** A parked-message store in memory (the JDBC one is proven by the services' ITs). */
    static final class InMemoryParkedMessages implements ParkedMessages {
        final List<ParkedMessage> rows = new ArrayList<>();
        boolean failing;
        final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

        @Override
        public long park(ParkedMessage.Parking p) {
            if (failing) {
                throw new IllegalStateException("database down");
            }
            long id = rows.size() + 1;
            rows.add(new ParkedMessage(
                    id,
                    p.consumer(),
                    p.topic(),
                    p.tags(),
                    p.keys(),
                    p.msgId(),
                    p.eventId(),
                    p.body(),
                    p.reason(),
                    p.attempts(),
                    clock.instant(),
                    null,
                    null));
            return id;
        }

        @Override
        public java.util.Optional<ParkedMessage> find(long id) {
            return rows.stream().filter(r -> r.id() == id).findFirst();
        }

        @Override
        public Page page(String consumer, ParkedMessage.State state, int page, int size) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ParkedMessage> parked(String consumer, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long countParked(String consumer) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void replayed(long id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void replayFailed(long id, String reason) {
            throw new UnsupportedOperationException();
        }
    }
}
