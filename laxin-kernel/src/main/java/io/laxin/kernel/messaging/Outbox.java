package io.laxin.kernel.messaging;

import io.laxin.kernel.api.EventMetadata;
import java.sql.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The transactional outbox: an event is written in the same database transaction as the state change it reports, and
 * {@link OutboxRelay} publishes it to RocketMQ afterwards. A binding and its event therefore commit or roll back
 * together, and a crash after the commit only delays the event.
 */
public class Outbox {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final OutboxRelay relay;

    public Outbox(JdbcTemplate jdbc, JsonMapper json, OutboxRelay relay) {
        this.jdbc = jdbc;
        this.json = json;
        this.relay = relay;
    }

    /**
     * Appends an event; must run inside the transaction of the change it reports.
     *
     * @param topic   resolved topic name
     * @param tag     event type, used by consumers as the RocketMQ tag filter
     * @param shardKey key that orders events (e.g. user id); also chooses the queue
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(String topic, String tag, String shardKey, EventMetadata event) {
        jdbc.update(
                "INSERT INTO outbox_event (event_id, topic, tag, shard_key, payload, created_at, attempts) "
                        + "VALUES (?, ?, ?, ?, ?, ?, 0)",
                event.eventId(),
                topic,
                tag,
                shardKey,
                json.writeValueAsString(event),
                Timestamp.from(event.occurredAt()));
        if (relay != null && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    relay.wake();
                }
            });
        }
    }
}
