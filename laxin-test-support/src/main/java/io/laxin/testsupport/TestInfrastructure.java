package io.laxin.testsupport;

import io.laxin.embedded.EmbeddedRedis;
import io.laxin.embedded.EmbeddedRocketMq;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the real infrastructure for integration tests, once per test JVM, as {@code stack.md} says:
 * <ul>
 *   <li>MySQL: {@code LAXIN_TEST_MYSQL_URL} (+ {@code _USER}, {@code _PASSWORD}) → the local server on
 *       127.0.0.1:3306 (root, empty password) → a Testcontainers MySQL when a Docker engine answers → fail.</li>
 *   <li>Redis: {@code LAXIN_TEST_REDIS_HOST}/{@code _PORT} → local 127.0.0.1:6379 → embedded redis-server.</li>
 *   <li>RocketMQ: {@code LAXIN_TEST_ROCKETMQ_NAMESRV} → an in-process name server + broker.</li>
 * </ul>
 * Every test database gets a random name and is dropped when the JVM exits.
 */
public final class TestInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<String> CREATED_DATABASES = new CopyOnWriteArrayList<>();

    private static MySql mysql;
    private static RedisAddress redis;
    private static String namesrv;
    private static EmbeddedRocketMq embeddedMq;
    /** Delay levels for the test broker: a failed message comes back within a second or two, not 10 s. */
    static final String FAST_REDELIVERY = "1s 1s 1s 1s 1s 2s 2s 2s 3s 3s 5s 5s 10s 10s 30s 30s 1m 1m";

    public record MySql(String serverUrl, String user, String password) {
        /** JDBC URL of one database on this server. */
        public String databaseUrl(String database) {
            return serverUrl + "/" + database + "?useSSL=false&allowPublicKeyRetrieval=true"
                    + "&serverTimezone=UTC&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true"
                    + "&rewriteBatchedStatements=true";
        }
    }

    public record RedisAddress(String host, int port) {}

    private TestInfrastructure() {}

    public static synchronized MySql mysql() {
        if (mysql == null) {
            mysql = findMySql();
        }
        return mysql;
    }

    public static synchronized RedisAddress redis() {
        if (redis == null) {
            redis = findRedis();
        }
        return redis;
    }

    /** Name server address; the in-process broker is started on first use. */
    public static synchronized String rocketMqNamesrv() {
        if (namesrv == null) {
            String env = System.getenv("LAXIN_TEST_ROCKETMQ_NAMESRV");
            if (env != null && !env.isBlank()) {
                namesrv = env;
            } else {
                try {
                    Path dir = Files.createTempDirectory("laxin-rocketmq-");
                    embeddedMq = EmbeddedRocketMq.start(dir, 0, 0, FAST_REDELIVERY);
                    namesrv = embeddedMq.namesrvAddress();
                    Runtime.getRuntime().addShutdownHook(new Thread(embeddedMq::closeInBackground));
                } catch (Exception e) {
                    throw new IllegalStateException("Could not start the in-process RocketMQ broker", e);
                }
            }
        }
        return namesrv;
    }

    /** Creates topics on the in-process broker (a named cluster is expected to auto-create them). */
    public static void createTopics(Collection<String> topics) {
        rocketMqNamesrv();
        if (embeddedMq != null) {
            embeddedMq.createTopics(topics);
        }
    }

    /** Creates a fresh, empty database {@code laxin_<prefix>_<random>} and returns its JDBC URL. */
    public static String createDatabase(String prefix) {
        MySql server = mysql();
        String name = ("lxt_" + prefix.replaceAll("[^a-z0-9]", "") + "_" + randomToken(4)).toLowerCase();
        execute(server, "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        CREATED_DATABASES.add(name);
        return server.databaseUrl(name);
    }

    public static String randomToken(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    static {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            if (mysql == null) {
                                return;
                            }
                            for (String db : CREATED_DATABASES) {
                                try {
                                    execute(mysql, "DROP DATABASE IF EXISTS " + db);
                                } catch (RuntimeException e) {
                                    log.warn("Could not drop test database {}: {}", db, e.toString());
                                }
                            }
                        },
                        "drop-test-databases"));
    }

    private static void execute(MySql server, String sql) {
        try (Connection c = DriverManager.getConnection(
                        server.serverUrl() + "/?useSSL=false&allowPublicKeyRetrieval=true",
                        server.user(),
                        server.password());
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("MySQL statement failed: " + sql + ": " + e.getMessage(), e);
        }
    }

    private static MySql findMySql() {
        String url = System.getenv("LAXIN_TEST_MYSQL_URL");
        if (url != null && !url.isBlank()) {
            return new MySql(
                    stripTrailingSlash(url),
                    envOr("LAXIN_TEST_MYSQL_USER", "root"),
                    envOr("LAXIN_TEST_MYSQL_PASSWORD", ""));
        }
        if (answers("127.0.0.1", 3306)) {
            MySql local = new MySql("jdbc:mysql://127.0.0.1:3306", "root", "");
            try (Connection ignored = DriverManager.getConnection(local.serverUrl() + "/?useSSL=false", "root", "")) {
                return local;
            } catch (SQLException e) {
                log.warn(
                        "A server answers on 127.0.0.1:3306 but root with an empty password is refused: {}",
                        e.getMessage());
            }
        }
        MySql container = TestcontainersMySql.startIfDockerAvailable();
        if (container != null) {
            return container;
        }
        throw new IllegalStateException("""
                No MySQL-compatible server for the integration tests. Provide one of:
                  - LAXIN_TEST_MYSQL_URL=jdbc:mysql://host:port (with LAXIN_TEST_MYSQL_USER / LAXIN_TEST_MYSQL_PASSWORD), or
                  - a local MySQL 8 / MariaDB 10.11 on 127.0.0.1:3306 accepting root with an empty password
                    (Debian: apt-get install -y mariadb-server && service mariadb start), or
                  - a Docker engine, for a Testcontainers MySQL.""");
    }

    private static RedisAddress findRedis() {
        String host = System.getenv("LAXIN_TEST_REDIS_HOST");
        if (host != null && !host.isBlank()) {
            return new RedisAddress(host, Integer.parseInt(envOr("LAXIN_TEST_REDIS_PORT", "6379")));
        }
        if (answers("127.0.0.1", 6379)) {
            return new RedisAddress("127.0.0.1", 6379);
        }
        try {
            Path dir = Files.createTempDirectory("laxin-redis-");
            EmbeddedRedis embedded = EmbeddedRedis.start(dir, 0);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }));
            return new RedisAddress("127.0.0.1", embedded.port());
        } catch (IOException e) {
            throw new IllegalStateException(
                    "No Redis: set LAXIN_TEST_REDIS_HOST, run one on 127.0.0.1:6379, "
                            + "or let the embedded one start (it failed: " + e.getMessage() + ")",
                    e);
        }
    }

    static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null ? fallback : v;
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
