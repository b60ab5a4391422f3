package io.laxin.kernel.messaging;

import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Publishes unsent outbox rows to RocketMQ, oldest first. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so
 * several replicas can relay at once without sending a row twice in the normal case; when a send succeeds but the
 * process dies before the row is marked, the event goes out again — consumers are idempotent on the event id.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final DefaultMQProducer producer;
    private final Clock clock;
    private final OutboxProperties properties;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile Thread worker;
    private volatile boolean running;

    public OutboxRelay(JdbcTemplate jdbc, TransactionTemplate tx, DefaultMQProducer producer, Clock clock,
                       OutboxProperties properties) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.producer = producer;
        this.clock = clock;
        this.properties = properties;
    }

    /** Publishes one batch; returns how many events were sent. */
    public int relayOnce() {
        Integer sent = tx.execute(status -> {
            List<Row> rows = jdbc.query("SELECT id, event_id, topic, tag, shard_key, payload FROM outbox_event "
                            + "WHERE sent_at IS NULL ORDER BY id LIMIT ? " + properties.lockClause(),
                    (rs, i) -> new Row(rs.getLong("id"), rs.getString("event_id"), rs.getString("topic"),
                            rs.getString("tag"), rs.getString("shard_key"), rs.getString("payload")),
                    properties.batchSize());
            int count = 0;
            for (Row row : rows) {
                try {
                    send(row);
                    jdbc.update("UPDATE outbox_event SET sent_at = ?, attempts = attempts + 1 WHERE id = ?",
                            Timestamp.from(clock.instant()), row.id());
                    count++;
                } catch (Exception e) {
                    log.warn("Outbox event {} to {} not sent yet: {}", row.eventId(), row.topic(), e.toString());
                    jdbc.update("UPDATE outbox_event SET attempts = attempts + 1, last_error = ? WHERE id = ?",
                            truncate(e.toString()), row.id());
                    break; // keep order: retry this row first next round
                }
            }
            return count;
        });
        return sent == null ? 0 : sent;
    }

    /** Unsent events, for health and tests. */
    public long backlog() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE sent_at IS NULL", Long.class);
        return n == null ? 0 : n;
    }

    private void send(Row row) throws Exception {
        Message message = new Message(row.topic(), row.tag(), row.eventId(),
                row.payload().getBytes(StandardCharsets.UTF_8));
        message.putUserProperty("shardKey", row.shardKey() == null ? "" : row.shardKey());
        SendResult result = row.shardKey() == null
                ? producer.send(message, properties.sendTimeout().toMillis())
                : producer.send(message, (queues, msg, key) -> queues.get(Math.floorMod(key.hashCode(), queues.size())),
                row.shardKey(), properties.sendTimeout().toMillis());
        if (result.getSendStatus() != SendStatus.SEND_OK) {
            log.warn("Outbox event {} stored by the broker with status {}", row.eventId(), result.getSendStatus());
        }
    }

    /** Ask for a relay round now (after a commit) rather than at the next poll. */
    public void wake() {
        wakeUps.release();
    }

    @Override
    public void start() {
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    private void loop() {
        Duration interval = properties.pollInterval();
        while (running) {
            try {
                int sent = relayOnce();
                if (sent < properties.batchSize()) {
                    wakeUps.tryAcquire(interval.toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("Outbox relay round failed: {}", e.toString());
                    sleepQuietly(interval);
                }
            }
        }
    }

    private static void sleepQuietly(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        running = false;
        Thread t = worker;
        if (t != null) {
            t.interrupt();
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // stop before the RocketMQ producer and the data source
        return Integer.MAX_VALUE - 100;
    }

    private static String truncate(String s) {
        return s.length() > 500 ? s.substring(0, 500) : s;
    }

    private record Row(long id, String eventId, String topic, String tag, String shardKey, String payload) {
    }
}
