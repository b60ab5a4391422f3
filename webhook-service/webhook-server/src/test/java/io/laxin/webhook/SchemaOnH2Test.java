package io.laxin.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.laxin.testsupport.H2Schema;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The schema also runs on H2 in MySQL mode (the local run's store), the dispatcher's claiming query included. */
class SchemaOnH2Test {

    @Test
    void shouldMigrateOnH2AndRunTheClaimQuery() throws Exception {
        H2Schema.assertMigratesWithOutbox("webhook", "classpath:db/kernel", "classpath:db/webhook");
        String url = H2Schema.migrate("webhook", "classpath:db/kernel", "classpath:db/webhook");
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            Timestamp now = Timestamp.from(Instant.now());
            c.createStatement()
                    .execute("INSERT INTO webhook_endpoint (url, event_types, secret, enabled, created_by, "
                            + "created_at, updated_at) VALUES ('https://1.1.1.1/h', 'reward.paid', 'whsec_x', TRUE, 'a', "
                            + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            c.createStatement()
                    .execute("INSERT INTO webhook_delivery (endpoint_id, event_id, event_type, status, "
                            + "next_attempt_at, created_at) VALUES (1, 'e1', 'reward.paid', 'PENDING', CURRENT_TIMESTAMP, "
                            + "CURRENT_TIMESTAMP)");
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM webhook_delivery WHERE status = 'PENDING' "
                    + "AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until <= ?) "
                    + "AND endpoint_id IN (SELECT id FROM webhook_endpoint WHERE enabled = TRUE) "
                    + "ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED")) {
                ps.setTimestamp(1, Timestamp.from(Instant.now().plusSeconds(1)));
                ps.setTimestamp(2, now);
                ps.setInt(3, 10);
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getLong(1)).isEqualTo(1);
                }
            }
        }
    }
}
