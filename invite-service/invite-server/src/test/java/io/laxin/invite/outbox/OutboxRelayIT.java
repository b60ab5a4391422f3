package io.laxin.invite.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laxin.invite.InviteItSupport;
import io.laxin.kernel.messaging.OutboxProperties;
import io.laxin.kernel.messaging.OutboxRelay;
import io.laxin.kernel.messaging.Topics;
import io.laxin.testsupport.MutableClock;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.MessageQueueSelector;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The kernel's outbox relay against the real broker and MariaDB: it claims rows and commits before it sends (no row is
 * locked while the broker is asked), parks a row the broker refuses for what it is after a bounded number of sends so
 * the rows behind it go out, and keeps retrying — never parking — while the broker is simply away.
 */
class OutboxRelayIT extends InviteItSupport {

    private static final String TAG = "RELAY_TEST";

    @Autowired
    TransactionTemplate tx;

    @Autowired
    DataSource dataSource;

    @Autowired
    Topics topics;

    @Value("${rocketmq.name-server}")
    String namesrv;

    private final List<DefaultMQProducer> producers = new ArrayList<>();
    private final List<Long> setAside = new ArrayList<>();

    /**
     * The invite ITs share one database with the relay off, so other tests leave unsent rows; a relay claims the
     * oldest first, whoever wrote them. Those are set aside for the test (and given back after it), so each test's
     * own rows come first.
     */
    @BeforeEach
    void setOthersAside() {
        setAside.clear();
        setAside.addAll(jdbc.queryForList(
                "SELECT id FROM outbox_event WHERE sent_at IS NULL AND parked_at IS NULL AND tag <> ?",
                Long.class,
                TAG));
        setAside.forEach(id ->
                jdbc.update("UPDATE outbox_event SET parked_at = ? WHERE id = ?", Timestamp.from(Instant.now()), id));
    }

    @AfterEach
    void shutDownAndForget() {
        producers.forEach(DefaultMQProducer::shutdown);
        jdbc.execute("DROP TRIGGER IF EXISTS relay_it_fail_mark");
        jdbc.update("DELETE FROM outbox_event WHERE tag = ?", TAG);
        setAside.forEach(id -> jdbc.update("UPDATE outbox_event SET parked_at = NULL WHERE id = ?", id));
    }

    @Test
    void shouldParkARowTheBrokerRefusesAndSendTheRowsBehindIt() throws Exception {
        long before = insert("small"), refused = insert("x".repeat(8_000)), after = insert("small too");
        OutboxRelay relay = relay(producer(namesrv, 4_096, null), 3);

        relay.relayOnce();
        assertThat(sent(before)).isTrue();
        assertThat(sent(refused)).isFalse();
        assertThat(sent(after)).as("waits behind the refused row, in order").isFalse();
        assertThat(row(refused)).containsEntry("attempts", 1).containsEntry("parked", false);

        relay.relayOnce();
        relay.relayOnce();
        assertThat(row(refused))
                .containsEntry("attempts", 3)
                .containsEntry("refusals", 3)
                .containsEntry("parked", true);
        assertThat((String) row(refused).get("last_error")).contains("over max");

        relay.relayOnce();
        assertThat(sent(after)).as("the rows behind a parked one go on").isTrue();
        assertThat(sent(refused)).isFalse();
        assertThat(relay.parkedSinceStart()).isEqualTo(1);
    }

    @Test
    void shouldKeepRetryingWithoutParkingWhileTheBrokerIsAway() throws Exception {
        long waiting = insert("small");
        OutboxRelay relay = relay(producer("127.0.0.1:1", 4_096, null), 2);

        for (int round = 0; round < 4; round++) {
            assertThat(relay.relayOnce()).isZero();
        }
        assertThat(row(waiting))
                .containsEntry("attempts", 4)
                .containsEntry("refusals", 0)
                .containsEntry("parked", false);
        assertThat(sent(waiting)).isFalse();
        assertThat(row(waiting).get("claimed"))
                .as("released for the next round")
                .isEqualTo(false);
    }

    @Test
    void shouldHoldNoRowLockWhileTheBrokerIsAsked() throws Exception {
        long row = insert("small");
        List<String> lockedWhileSending = new ArrayList<>();
        OutboxRelay relay = relay(producer(namesrv, 4_096, () -> probe(lockedWhileSending)), 3);

        assertThat(relay.relayOnce()).isPositive();
        assertThat(sent(row)).isTrue();
        assertThat(lockedWhileSending)
                .as("rows another connection found locked during a send")
                .isEmpty();
    }

    @Test
    void shouldStopSendingABatchWhoseClaimWouldRunOut() throws Exception {
        long first = insert("small"), second = insert("small too");
        MutableClock clock = new MutableClock();
        // each send takes (on this clock) longer than the whole claim lasts
        OutboxRelay relay = relay(producer(namesrv, 4_096, () -> clock.advance(Duration.ofMinutes(5))), 3, clock);

        assertThat(relay.relayOnce()).isEqualTo(1);
        assertThat(sent(first)).isTrue();
        assertThat(sent(second))
                .as("not sent on a claim another relay may already hold")
                .isFalse();
        assertThat(row(second).get("claimed"))
                .as("given back for the next round")
                .isEqualTo(false);
    }

    @Test
    void shouldGiveTheBatchBackWhenMarkingARowSentFails() throws Exception {
        long first = insert("small"), second = insert("small too");
        jdbc.execute("CREATE TRIGGER relay_it_fail_mark BEFORE UPDATE ON outbox_event FOR EACH ROW BEGIN "
                + "IF NEW.sent_at IS NOT NULL AND OLD.sent_at IS NULL THEN "
                + "SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'test: marking fails'; END IF; END");
        OutboxRelay relay = relay(producer(namesrv, 4_096, null), 3);

        assertThatThrownBy(relay::relayOnce).isInstanceOf(DataAccessException.class);
        jdbc.execute("DROP TRIGGER relay_it_fail_mark");
        assertThat(row(first).get("claimed"))
                .as("sent but not marked: given back, sent again")
                .isEqualTo(false);
        assertThat(row(second).get("claimed"))
                .as("not sent: given back in order")
                .isEqualTo(false);
        assertThat(relay.relayOnce()).isPositive();
        assertThat(sent(first)).isTrue();
        assertThat(sent(second)).isTrue();
    }

    private OutboxRelay relay(DefaultMQProducer producer, int maxAttempts) {
        return relay(producer, maxAttempts, Clock.systemUTC());
    }

    private OutboxRelay relay(DefaultMQProducer producer, int maxAttempts, Clock clock) {
        return new OutboxRelay(
                jdbc,
                tx,
                producer,
                clock,
                new OutboxProperties(
                        true,
                        Duration.ofMillis(100),
                        100,
                        Duration.ofMillis(500),
                        "FOR UPDATE SKIP LOCKED",
                        maxAttempts));
    }

    /**
     * A producer refusing bodies over {@code maxMessageSize}; when {@code beforeSend} is not null, each send runs it
     * first (a lock probe, a clock that moves on).
     */
    private DefaultMQProducer producer(String nameServer, int maxMessageSize, Runnable beforeSend) throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("relay-it-" + UUID.randomUUID()) {
            @Override
            public SendResult send(Message msg, long timeout)
                    throws org.apache.rocketmq.client.exception.MQClientException,
                            org.apache.rocketmq.remoting.exception.RemotingException,
                            org.apache.rocketmq.client.exception.MQBrokerException, InterruptedException {
                if (beforeSend != null) {
                    beforeSend.run();
                }
                return super.send(msg, timeout);
            }

            @Override
            public SendResult send(Message msg, MessageQueueSelector selector, Object arg, long timeout)
                    throws org.apache.rocketmq.client.exception.MQClientException,
                            org.apache.rocketmq.remoting.exception.RemotingException,
                            org.apache.rocketmq.client.exception.MQBrokerException, InterruptedException {
                if (beforeSend != null) {
                    beforeSend.run();
                }
                return super.send(msg, selector, arg, timeout);
            }
        };
        producer.setNamesrvAddr(nameServer);
        producer.setMaxMessageSize(maxMessageSize);
        producer.setRetryTimesWhenSendFailed(0);
        producer.start();
        producers.add(producer);
        return producer;
    }

    /** Asks from another connection whether any of this test's rows is locked, and notes those that are. */
    private void probe(List<String> locked) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            for (Long id : jdbc.queryForList("SELECT id FROM outbox_event WHERE tag = ?", Long.class, TAG)) {
                try (var ps = c.prepareStatement("SELECT id FROM outbox_event WHERE id = ? FOR UPDATE NOWAIT")) {
                    ps.setLong(1, id);
                    ps.executeQuery().close();
                } catch (SQLException lockedNow) {
                    locked.add(id + ": " + lockedNow.getMessage());
                }
            }
            c.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long insert(String payload) {
        String eventId = UUID.randomUUID().toString();
        jdbc.update(
                "INSERT INTO outbox_event (event_id, topic, tag, shard_key, payload, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)",
                eventId,
                topics.referral(),
                TAG,
                "relay-it",
                "{\"eventId\":\"" + eventId + "\",\"note\":\"" + payload + "\"}",
                Timestamp.from(Instant.now()));
        return jdbc.queryForObject("SELECT id FROM outbox_event WHERE event_id = ?", Long.class, eventId);
    }

    private boolean sent(long id) {
        return Boolean.TRUE.equals(
                jdbc.queryForObject("SELECT sent_at IS NOT NULL FROM outbox_event WHERE id = ?", Boolean.class, id));
    }

    private Map<String, Object> row(long id) {
        return jdbc.queryForObject(
                "SELECT attempts, refusals, last_error, parked_at IS NOT NULL AS parked, "
                        + "claimed_until IS NOT NULL AS claimed FROM outbox_event WHERE id = ?",
                (rs, i) -> Map.of(
                        "attempts",
                        rs.getInt("attempts"),
                        "refusals",
                        rs.getInt("refusals"),
                        "last_error",
                        String.valueOf(rs.getString("last_error")),
                        "parked",
                        rs.getBoolean("parked"),
                        "claimed",
                        rs.getBoolean("claimed")),
                id);
    }
}
