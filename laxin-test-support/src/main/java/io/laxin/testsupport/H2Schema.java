package io.laxin.testsupport;

import org.flywaydb.core.Flyway;

/**
 * Runs a service's migrations on H2 in MySQL mode — the store of the one-command local run — so a migration that
 * only MySQL accepts fails a unit test instead of the local run.
 */
public final class H2Schema {

    private H2Schema() {}

    /** Migrates the service's schema on H2 and runs the outbox relay's claiming query on it. */
    public static void assertMigratesWithOutbox(String name, String... locations) throws java.sql.SQLException {
        String url = migrate(name, locations);
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "sa", "");
                java.sql.ResultSet rs = c.createStatement()
                        .executeQuery("SELECT id FROM outbox_event "
                                + "WHERE sent_at IS NULL ORDER BY id LIMIT 10 FOR UPDATE SKIP LOCKED")) {
            if (rs.next()) {
                throw new AssertionError("A fresh outbox should be empty");
            }
        }
    }

    /** Migrates a fresh in-memory database and returns its JDBC URL (user {@code sa}, empty password). */
    public static String migrate(String name, String... locations) {
        String url = "jdbc:h2:mem:" + name + "_" + TestInfrastructure.randomToken(3)
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations(locations).load().migrate();
        return url;
    }
}
