package io.laxin.kernel.messaging;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.remoting.protocol.ResponseCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes unsent outbox rows to RocketMQ, oldest first, in three steps so that no transaction waits on the broker:
 * it <em>claims</em> a batch (rows read with {@code FOR UPDATE SKIP LOCKED} and given a short claim, in one short
 * transaction that then commits), <em>sends</em> them with no transaction open, and <em>marks</em> each row sent.
 * Several replicas relay at once without sending a row twice in the normal case; when a send succeeds but the process
 * dies before the row is marked, the claim runs out and the event goes out again — consumers are idempotent on the
 * event id.
 * <p>
 * A send that fails stops the batch (the rest keep their order and are tried again next round). A failure of the
 * broker or the network is retried for as long as it lasts. A row the broker refuses for what it is (too large, an
 * illegal topic — RocketMQ's "message illegal") is refused {@code laxin.outbox.max-attempts} times and then
 * <em>parked</em> ({@code parked_at}, with its last error, logged at ERROR), so it no longer blocks the rows behind
 * it; operations find it with {@code parked_at IS NOT NULL} and re-send it by clearing {@code parked_at} once fixed.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** A claim lasts this many send timeouts (or fewer, for a smaller batch) plus the margin. */
    private static final long CLAIM_SENDS = 10;

    private static final Duration CLAIM_MARGIN = Duration.ofSeconds(30);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final DefaultMQProducer producer;
    private final Clock clock;
    private final OutboxProperties properties;
    private final Semaphore wakeUps = new Semaphore(0);
    private final AtomicLong parked = new AtomicLong();
    private volatile Thread worker;
    private volatile boolean running;

    public OutboxRelay(
            JdbcTemplate jdbc,
            TransactionTemplate tx,
            DefaultMQProducer producer,
            Clock clock,
            OutboxProperties properties) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.producer = producer;
        this.clock = clock;
        this.properties = properties;
    }

    /** Publishes one batch; returns how many events were sent. */
    public int relayOnce() {
        Claim claim = claim();
        List<Row> rows = claim.rows();
        int done = 0; // rows sent and marked, or marked failed: the rest are released below
        int sent = 0;
        try {
            for (Row row : rows) {
                if (!clock.instant().plus(properties.sendTimeout()).isBefore(claim.until())) {
                    break; // the claim would run out during this send: another relay may take the rest
                }
                try {
                    send(row);
                } catch (Exception e) {
                    failed(row, e);
                    done++;
                    break; // keep order: the rest go next round, after this one
                }
                jdbc.update(
                        "UPDATE outbox_event SET sent_at = ?, attempts = attempts + 1, claimed_until = NULL "
                                + "WHERE id = ?",
                        Timestamp.from(clock.instant()),
                        row.id());
                done++;
                sent++;
            }
        } finally {
            // also when marking failed (a database blip): the rest keep their order for the next round
            release(rows.subList(done, rows.size()));
        }
        return sent;
    }

    /**
     * Claims the oldest unsent, unparked rows nobody else holds, and commits the claim before anything is sent. The
     * claim lasts a few send timeouts (a relay stops sending before it runs out), so a relay that dies mid-batch holds
     * its rows for about a minute at most.
     */
    private Claim claim() {
        Instant now = clock.instant();
        Claim claim = tx.execute(status -> {
            List<Row> found = jdbc.query(
                    "SELECT id, event_id, topic, tag, shard_key, payload, refusals "
                            + "FROM outbox_event WHERE sent_at IS NULL AND parked_at IS NULL "
                            + "AND (claimed_until IS NULL OR claimed_until < ?) ORDER BY id LIMIT ? "
                            + properties.lockClause(),
                    (rs, i) -> new Row(
                            rs.getLong("id"),
                            rs.getString("event_id"),
                            rs.getString("topic"),
                            rs.getString("tag"),
                            rs.getString("shard_key"),
                            rs.getString("payload"),
                            rs.getInt("refusals")),
                    Timestamp.from(now),
                    properties.batchSize());
            Instant until = now.plus(properties.sendTimeout().multipliedBy(Math.min(found.size() + 1L, CLAIM_SENDS)))
                    .plus(CLAIM_MARGIN);
            for (Row row : found) {
                jdbc.update("UPDATE outbox_event SET claimed_until = ? WHERE id = ?", Timestamp.from(until), row.id());
            }
            return new Claim(found, until);
        });
        return claim == null ? new Claim(List.of(), now) : claim;
    }

    private record Claim(List<Row> rows, Instant until) {}

    private void failed(Row row, Exception e) {
        boolean refused = refusedForWhatItIs(e);
        int refusals = row.refusals() + (refused ? 1 : 0);
        if (refused && refusals >= properties.maxAttempts()) {
            jdbc.update(
                    "UPDATE outbox_event SET attempts = attempts + 1, refusals = ?, last_error = ?, "
                            + "claimed_until = NULL, parked_at = ? WHERE id = ?",
                    refusals,
                    truncate(e.toString()),
                    Timestamp.from(clock.instant()),
                    row.id());
            parked.incrementAndGet();
            log.error(
                    "Outbox event {} to {} parked after {} refused sends (the rows behind it go on): {}",
                    row.eventId(),
                    row.topic(),
                    refusals,
                    e.toString());
            return;
        }
        log.warn(
                "Outbox event {} to {} not sent yet ({}): {}",
                row.eventId(),
                row.topic(),
                refused ? "refused " + refusals + " time(s)" : "broker or network",
                e.toString());
        jdbc.update(
                "UPDATE outbox_event SET attempts = attempts + 1, refusals = ?, last_error = ?, "
                        + "claimed_until = NULL WHERE id = ?",
                refusals,
                truncate(e.toString()),
                row.id());
    }

    /** The broker (or the client's own checks) refused this message as such; another try will not change that. */
    static boolean refusedForWhatItIs(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MQClientException c && c.getResponseCode() == ResponseCode.MESSAGE_ILLEGAL) {
                return true;
            }
            if (t instanceof MQBrokerException b && b.getResponseCode() == ResponseCode.MESSAGE_ILLEGAL) {
                return true;
            }
        }
        return false;
    }

    private void release(List<Row> rows) {
        try {
            for (Row row : rows) {
                jdbc.update("UPDATE outbox_event SET claimed_until = NULL WHERE id = ?", row.id());
            }
        } catch (RuntimeException e) {
            log.warn(
                    "Outbox claims not released ({} rows wait for their claim to run out): {}",
                    rows.size(),
                    e.toString());
        }
    }

    /** Events parked by this relay since it started. */
    public long parkedSinceStart() {
        return parked.get();
    }

    /** Parked events, waiting for operations. */
    public long parkedRows() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE parked_at IS NOT NULL", Long.class);
        return n == null ? 0 : n;
    }

    /** Unsent events not parked, for health and tests. */
    public long backlog() {
        Long n = jdbc.queryForObject(
                "SELECT COUNT(*) FROM outbox_event WHERE sent_at IS NULL AND parked_at IS NULL", Long.class);
        return n == null ? 0 : n;
    }

    private void send(Row row) throws Exception {
        Message message =
                new Message(row.topic(), row.tag(), row.eventId(), row.payload().getBytes(StandardCharsets.UTF_8));
        message.putUserProperty("shardKey", row.shardKey() == null ? "" : row.shardKey());
        SendResult result = row.shardKey() == null
                ? producer.send(message, properties.sendTimeout().toMillis())
                : producer.send(
                        message,
                        (queues, msg, key) -> queues.get(Math.floorMod(key.hashCode(), queues.size())),
                        row.shardKey(),
                        properties.sendTimeout().toMillis());
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

    private record Row(
            long id, String eventId, String topic, String tag, String shardKey, String payload, int refusals) {}
}
