package io.laxin.kernel.messaging;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The idempotent-consumer guard: (consumer, event id) is the primary key of {@code processed_event}, written in the
 * same transaction as the consumer's effect. A second delivery finds the row and does nothing.
 */
public class ProcessedEvents {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ProcessedEvents(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** True the first time this consumer sees this event id (and records it); false on every redelivery. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean firstDelivery(String consumer, String eventId) {
        try {
            jdbc.update(
                    "INSERT INTO processed_event (consumer, event_id, processed_at) VALUES (?, ?, ?)",
                    consumer,
                    eventId,
                    Timestamp.from(clock.instant()));
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }
}
