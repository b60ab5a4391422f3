package io.laxin.faultsuite;

import io.laxin.embedded.EmbeddedRedis;
import io.laxin.embedded.FreePorts;
import io.laxin.kernel.identity.IdentityKeys;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

/**
 * The suite in separate processes on this machine, each on ports chosen free at start and kept across its restarts:
 * a private MariaDB (its own data directory under target/, never the machine's shared one), a private Redis, the
 * RocketMQ name server and broker (one process, its store kept across restarts), and the gateway, invite-service,
 * reward-service and antifraud-service, each a JVM started from the standalone fat jar ({@code OneApp}). Poster- and
 * webhook-service are not started: the campaign needs neither. Every process is killed on {@link #close()} and by a
 * shutdown hook, whatever happened.
 */
final class Cluster implements AutoCloseable {

    static final String GATEWAY = "gateway";
    static final String INVITE = "invite-service";
    static final String REWARD = "reward-service";
    static final String ANTIFRAUD = "antifraud-service";
    static final String POSTER = "poster-service";
    static final String WEBHOOK = "webhook-service";
    /** The apps this suite runs, in start order. */
    static final List<String> RUN = List.of(ANTIFRAUD, REWARD, INVITE, GATEWAY);

    static final String HOST_KEY_ID = "fault-host";
    private static final List<String> ALL_APPS = List.of(GATEWAY, INVITE, REWARD, POSTER, ANTIFRAUD, WEBHOOK);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);
    /** Short redelivery delays (level 3 + N for retry N): a message that failed during an outage is retried soon. */
    private static final String DELAY_LEVELS = "1s 1s 1s 2s 2s 2s 3s 3s 3s 3s 5s 5s 5s 5s 5s 5s 5s 5s";

    final Path dir;
    final String jwtSecret = token(32);
    final String hostSecret = token(24);
    private final Path jar;
    private final int mariaDbPort = FreePorts.pick();
    private final int redisPort = FreePorts.pick();
    private final int namesrvPort = FreePorts.pick();
    private final int brokerPort = FreePorts.pickWithVipChannel();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, ChildProcess> apps = new LinkedHashMap<>();
    private final List<ChildProcess> all = new ArrayList<>();
    private final ChildProcess mariaDb;
    private final ChildProcess broker;
    private EmbeddedRedis redis;
    private final Thread hook = new Thread(this::killAll, "fault-suite-cleanup");

    Cluster(Path jar, Path dir) throws IOException {
        this.jar = jar;
        this.dir = dir;
        Files.createDirectories(dir.resolve("logs"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No standalone jar at " + jar + ": package module standalone first");
        }
        ALL_APPS.forEach(app -> ports.put(app, FreePorts.pick()));
        Path data = dir.resolve("mariadb");
        mariaDb = new ChildProcess(
                "mariadb",
                List.of(
                        "/usr/sbin/mariadbd",
                        "--no-defaults",
                        "--user=" + System.getProperty("user.name"),
                        "--datadir=" + data,
                        "--socket=" + data.resolve("mysqld.sock"),
                        "--pid-file=" + data.resolve("mysqld.pid"),
                        "--port=" + mariaDbPort,
                        "--bind-address=127.0.0.1",
                        "--skip-name-resolve",
                        "--skip-log-bin",
                        // as Debian's packaged server is configured (the services' schemas take the server's)
                        "--character-set-server=utf8mb4",
                        "--collation-server=utf8mb4_general_ci",
                        "--innodb-buffer-pool-size=128M",
                        "--max-connections=300"),
                dir.resolve("logs/mariadb.log"),
                "ready for connections");
        broker = new ChildProcess(
                "broker",
                List.of(
                        java(),
                        "-Xmx384m",
                        "-XX:+UseSerialGC",
                        "-cp",
                        jar.toString(),
                        "-Dloader.main=io.laxin.standalone.OneBroker",
                        "-Drocketmq.client.logUseSlf4j=true",
                        "org.springframework.boot.loader.launch.PropertiesLauncher",
                        dir.resolve("rocketmq").toString(),
                        Integer.toString(namesrvPort),
                        Integer.toString(brokerPort),
                        "",
                        DELAY_LEVELS),
                dir.resolve("logs/broker.log"),
                "LAXIN-BROKER-READY");
        all.add(mariaDb);
        all.add(broker);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Starts everything: the stores, the broker, then the apps (all four JVMs at once). */
    void start() throws Exception {
        startMariaDb(true);
        redis = EmbeddedRedis.start(dir.resolve("redis"), redisPort);
        broker.start();
        broker.awaitReady(START_TIMEOUT);
        Path config = writeSuiteProperties();
        for (String app : RUN) {
            ChildProcess p = new ChildProcess(
                    app, appCommand(app, config), dir.resolve("logs/" + app + ".log"), "LAXIN-APP-READY");
            apps.put(app, p);
            all.add(p);
        }
        List<CompletableFuture<Void>> starting = new ArrayList<>();
        for (ChildProcess p : apps.values()) {
            p.start();
            starting.add(CompletableFuture.runAsync(() -> p.awaitReady(START_TIMEOUT)));
        }
        CompletableFuture.allOf(starting.toArray(CompletableFuture[]::new)).join();
    }

    private List<String> appCommand(String app, Path config) {
        List<String> cmd = new ArrayList<>(List.of(
                java(),
                app.equals(GATEWAY) ? "-Xmx256m" : "-Xmx384m",
                "-Xss1m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Drocketmq.client.logUseSlf4j=true",
                "-Dcsp.sentinel.log.dir=" + dir.resolve("logs/sentinel-" + app),
                "-DJM.LOG.PATH=" + dir.resolve("logs/rocketmq-" + app),
                "-cp",
                jar.toString(),
                "-Dloader.main=io.laxin.standalone.OneApp",
                "org.springframework.boot.loader.launch.PropertiesLauncher",
                app,
                config.toString()));
        // the broker's delays space redeliveries; the apps' own retries (16) outlast a restart of MariaDB
        cmd.add("--logging.level.root=WARN");
        cmd.add("--logging.level.io.laxin=INFO");
        return cmd;
    }

    /** The config every app reads ({@code OneApp}'s format); secrets, so readable by the owner only. */
    private Path writeSuiteProperties() throws IOException {
        Properties p = new Properties();
        ports.forEach((app, port) -> p.setProperty("port." + app, Integer.toString(port)));
        for (String app : ALL_APPS) {
            KeyPair pair = IdentityKeys.generate();
            p.setProperty("key." + app + ".private", IdentityKeys.encode(pair.getPrivate()));
            p.setProperty("key." + app + ".public", IdentityKeys.encode(pair.getPublic()));
            if (!app.equals(GATEWAY)) {
                String schema = schema(app);
                p.setProperty("db." + app + ".url", jdbcUrl(schema) + "&createDatabaseIfNotExist=true");
                p.setProperty("db." + app + ".username", "root");
                p.setProperty("db." + app + ".password", "");
                p.setProperty("db." + app + ".driver-class-name", "com.mysql.cj.jdbc.Driver");
            }
        }
        p.setProperty("redis.host", "127.0.0.1");
        p.setProperty("redis.port", Integer.toString(redisPort));
        p.setProperty("redis.key-prefix", "laxin:");
        p.setProperty("namesrv", "127.0.0.1:" + namesrvPort);
        p.setProperty("topics.suffix", "");
        p.setProperty("jwt-secret", jwtSecret);
        p.setProperty("host-api-keys", HOST_KEY_ID + "=" + hostSecret);
        p.setProperty("public-base-url", gatewayUrl());
        p.setProperty("identity-key", token(32));
        p.setProperty("device-token-key", token(32));
        Path file = dir.resolve("suite.properties");
        Files.deleteIfExists(file);
        Files.createFile(
                file,
                java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        try (var out = Files.newOutputStream(file)) {
            p.store(out, "fault suite: every app's config (OneApp)");
        }
        return file;
    }

    static String schema(String service) {
        return "laxin_" + service.replace("-service", "");
    }

    private String jdbcUrl(String schema) {
        return "jdbc:mysql://127.0.0.1:" + mariaDbPort + "/" + schema
                + "?useSSL=false&allowPublicKeyRetrieval=true&serverTimezone=UTC&rewriteBatchedStatements=true";
    }

    /** A connection to a service's schema on the suite's private MariaDB (the checker reads the actual state). */
    Connection jdbc(String service) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(schema(service)), "root", "");
    }

    String gatewayUrl() {
        return "http://127.0.0.1:" + ports.get(GATEWAY);
    }

    ChildProcess app(String name) {
        return apps.get(name);
    }

    // ---------------------------------------------------------------- faults

    /** kill -9 of an app, then the same app started again with the same command line. */
    void killAndRestart(String app, Duration down) {
        ChildProcess p = apps.get(app);
        p.kill9();
        ChildProcess.sleep(down.toMillis());
        p.start();
        p.awaitReady(START_TIMEOUT);
    }

    /** kill -9 of the name server and broker, then both started again on the same ports with the store kept. */
    void restartBroker(Duration down) {
        broker.kill9();
        ChildProcess.sleep(down.toMillis());
        broker.start();
        broker.awaitReady(START_TIMEOUT);
    }

    /** FLUSHALL, then Redis killed and started again on its port, empty. */
    void flushAndRestartRedis(Duration down) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), redisPort)) {
            OutputStream out = s.getOutputStream();
            out.write("*1\r\n$8\r\nFLUSHALL\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] reply = new byte[64];
            int n = s.getInputStream().read(reply);
            String answer = n > 0 ? new String(reply, 0, n, StandardCharsets.US_ASCII) : "";
            if (!answer.startsWith("+OK")) {
                throw new IllegalStateException("FLUSHALL answered " + answer);
            }
        }
        redis.close();
        ChildProcess.sleep(down.toMillis());
        redis = EmbeddedRedis.start(dir.resolve("redis"), redisPort);
    }

    /** kill -9 of MariaDB, then started again on the same data directory (crash recovery). */
    void restartMariaDb(Duration down) throws Exception {
        mariaDb.kill9();
        ChildProcess.sleep(down.toMillis());
        startMariaDb(false);
    }

    /** Pauses an app (SIGSTOP) and lets it go (SIGCONT) in turns: a consumer that is slow, not dead. */
    void slowDown(String app, Duration total, Duration stopped, Duration running) {
        ChildProcess p = apps.get(app);
        long until = System.nanoTime() + total.toNanos();
        try {
            while (System.nanoTime() < until) {
                p.pause();
                ChildProcess.sleep(stopped.toMillis());
                p.resume();
                ChildProcess.sleep(running.toMillis());
            }
        } finally {
            p.resume();
        }
    }

    private void startMariaDb(boolean fresh) throws Exception {
        Path data = dir.resolve("mariadb");
        if (fresh) {
            Process install = new ProcessBuilder(
                            "/usr/bin/mariadb-install-db",
                            "--no-defaults",
                            "--user=" + System.getProperty("user.name"),
                            "--datadir=" + data,
                            "--auth-root-authentication-method=normal",
                            "--skip-test-db")
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("logs/mariadb-install.log").toFile())
                    .start();
            if (install.waitFor() != 0) {
                throw new IllegalStateException("mariadb-install-db failed, see " + dir.resolve("logs"));
            }
        }
        mariaDb.start();
        mariaDb.awaitReady(START_TIMEOUT);
        try (Connection c = DriverManager.getConnection(
                "jdbc:mysql://127.0.0.1:" + mariaDbPort + "/?useSSL=false&allowPublicKeyRetrieval=true", "root", "")) {
            c.createStatement().execute("SELECT 1");
        }
    }

    // ---------------------------------------------------------------- cleanup and diagnostics

    /** The last lines of every process's log. */
    String tails(int lines) {
        StringBuilder b = new StringBuilder();
        for (ChildProcess p : all) {
            b.append(p.tail(lines)).append('\n');
        }
        return b.toString();
    }

    private synchronized void killAll() {
        for (int i = all.size() - 1; i >= 0; i--) {
            try {
                all.get(i).kill9();
            } catch (RuntimeException e) {
                // killing the rest anyway
            }
        }
        if (redis != null) {
            try {
                redis.close();
            } catch (IOException | RuntimeException e) {
                // exiting anyway
            }
            redis = null;
        }
    }

    @Override
    public void close() {
        killAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs anyway
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String token(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
