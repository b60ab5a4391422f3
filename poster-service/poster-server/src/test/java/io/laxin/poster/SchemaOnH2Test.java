package io.laxin.poster;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** The schema also runs on H2 in MySQL mode, the store of the one-command local run (standalone). */
class SchemaOnH2Test {

    @Test
    void shouldMigrateOnH2InMySqlModeAndHoldABlob() throws Exception {
        String url = "jdbc:h2:mem:poster_schema;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;"
                + "DB_CLOSE_DELAY=-1";
        Flyway.configure()
                .dataSource(url, "sa", "")
                .locations("classpath:db/kernel", "classpath:db/poster")
                .load()
                .migrate();

        byte[] background = new byte[3 * 1024 * 1024];
        background[background.length - 1] = 42;
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO poster_template_version (template_id, "
                    + "version, layout, background, background_format, background_sha256, width, height, created_by, "
                    + "created_at) VALUES (1, 1, '{}', ?, 'PNG', ?, 750, 1334, 'ops', CURRENT_TIMESTAMP)")) {
                insert.setBytes(1, background);
                insert.setString(2, "0".repeat(64));
                insert.executeUpdate();
            }
            try (PreparedStatement select = c.prepareStatement("SELECT background FROM poster_template_version "
                            + "WHERE template_id = 1 AND version = 1 FOR UPDATE");
                    ResultSet rs = select.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBytes(1)).isEqualTo(background);
            }
        }
    }
}
