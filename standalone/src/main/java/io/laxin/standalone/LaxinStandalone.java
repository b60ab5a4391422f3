package io.laxin.standalone;

import io.laxin.embedded.EmbeddedRedis;
import io.laxin.embedded.EmbeddedRocketMq;
import io.laxin.kernel.messaging.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The one-command local run: the gateway and the five services in this JVM, on embedded defaults — H2 files (MySQL
 * mode) under the data folder, an embedded Redis, the in-process RocketMQ broker (its store under the data folder) —
 * unless the environment names real ones. Seeds a demo campaign and prints a walkthrough. Ctrl-C stops it.
 *
 * <p>Environment: {@code LAXIN_DATA_DIR} (default {@code .laxin-data}), {@code LAXIN_MYSQL_URL} /
 * {@code LAXIN_MYSQL_USER} / {@code LAXIN_MYSQL_PASSWORD}, {@code LAXIN_REDIS_HOST} / {@code LAXIN_REDIS_PORT},
 * {@code LAXIN_ROCKETMQ_NAMESRV}, {@code LAXIN_GATEWAY_PORT} (default 8080; services on the next five ports),
 * {@code LAXIN_JWT_HMAC_SECRET} and {@code LAXIN_HOST_SECRET} (the demo host key's secret) (default: random per
 * start; set them to mint tokens or sign host calls, e.g. for the gateway benchmark). The key pairs of internal
 * identity are made at every start; set {@code LAXIN_GATEWAY_PRIVATE_KEY} with {@code LAXIN_GATEWAY_PUBLIC_KEYS} to
 * give the gateway a known pair (to call a service directly, as the gateway benchmark does).
 */
public final class LaxinStandalone {

    private static final SecureRandom RANDOM = new SecureRandom();

    private LaxinStandalone() {}

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        Path data = Path.of(env("LAXIN_DATA_DIR", ".laxin-data")).toAbsolutePath();
        Files.createDirectories(data);
        System.setProperty("EAGLEEYE.LOG.PATH", data.resolve("logs").toString());
        System.setProperty("JM.LOG.PATH", data.resolve("logs").toString());
        System.setProperty("csp.sentinel.log.dir", data.resolve("logs").toString());
        int gatewayPort = Integer.parseInt(env("LAXIN_GATEWAY_PORT", "8080"));
        List<AutoCloseable> infrastructure = new java.util.ArrayList<>();

        String redisHost = System.getenv("LAXIN_REDIS_HOST");
        int redisPort;
        if (redisHost == null || redisHost.isBlank()) {
            EmbeddedRedis redis = EmbeddedRedis.startKeepingData(
                    data.resolve("redis"), Integer.parseInt(env("LAXIN_EMBEDDED_REDIS_PORT", "16379")));
            infrastructure.add(redis);
            redisHost = "127.0.0.1";
            redisPort = redis.port();
        } else {
            redisPort = Integer.parseInt(env("LAXIN_REDIS_PORT", "6379"));
        }

        Topics topics = Topics.withSuffix("");
        String namesrv = System.getenv("LAXIN_ROCKETMQ_NAMESRV");
        EmbeddedRocketMq mq = null;
        if (namesrv == null || namesrv.isBlank()) {
            mq = EmbeddedRocketMq.start(
                    data.resolve("rocketmq"),
                    Integer.parseInt(env("LAXIN_EMBEDDED_NAMESRV_PORT", "19876")),
                    Integer.parseInt(env("LAXIN_EMBEDDED_BROKER_PORT", "20911")));
            mq.createTopics(topics.all());
            namesrv = mq.namesrvAddress();
        }

        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put(SuiteConfig.GATEWAY, gatewayPort);
        ports.put(SuiteConfig.INVITE, gatewayPort + 1);
        ports.put(SuiteConfig.REWARD, gatewayPort + 2);
        ports.put(SuiteConfig.POSTER, gatewayPort + 3);
        ports.put(SuiteConfig.ANTIFRAUD, gatewayPort + 4);
        ports.put(SuiteConfig.WEBHOOK, gatewayPort + 5);
        Map<String, Map<String, String>> databases = new LinkedHashMap<>();
        for (String service : List.of(
                SuiteConfig.INVITE,
                SuiteConfig.REWARD,
                SuiteConfig.POSTER,
                SuiteConfig.ANTIFRAUD,
                SuiteConfig.WEBHOOK)) {
            databases.put(service, database(service, data));
        }
        String hostKey = env("LAXIN_HOST_SECRET", token(24));
        String publicUrl = "http://localhost:" + gatewayPort;
        SuiteConfig config = new SuiteConfig(
                ports,
                databases,
                redisHost,
                redisPort,
                "laxin:",
                namesrv,
                topics,
                identityKeys(),
                env("LAXIN_JWT_HMAC_SECRET", token(32)),
                DemoWalkthrough.HOST_KEY_ID + "=" + hostKey,
                publicUrl,
                identityKey(data),
                keptKey(data, "device-token.key"),
                true);

        LaxinSuite suite = LaxinSuite.start(config);
        EmbeddedRocketMq broker = mq;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.println("\nStopping Laxin…");
                            suite.close();
                            if (broker != null) {
                                broker.closeInBackground();
                            }
                            for (AutoCloseable c : infrastructure) {
                                try {
                                    c.close();
                                } catch (Exception ignored) {
                                    // exiting anyway
                                }
                            }
                            stopped.countDown();
                        },
                        "laxin-shutdown"));

        DemoWalkthrough walkthrough = new DemoWalkthrough(suite.gatewayUrl(), publicUrl, config.jwtSecret(), hostKey);
        System.out.println(walkthrough.seedAndDescribe(data, (System.nanoTime() - started) / 1_000_000));
        stopped.await();
    }

    /** A fresh pair per app, but the gateway's from the environment when both of its keys are set there. */
    static Map<String, java.security.KeyPair> identityKeys() {
        Map<String, java.security.KeyPair> keys = SuiteConfig.newIdentityKeys();
        String privateKey = System.getenv("LAXIN_GATEWAY_PRIVATE_KEY");
        String publicKey = System.getenv("LAXIN_GATEWAY_PUBLIC_KEYS");
        if (privateKey != null && !privateKey.isBlank() && publicKey != null && !publicKey.isBlank()) {
            keys.put(
                    SuiteConfig.GATEWAY,
                    new java.security.KeyPair(
                            io.laxin.kernel.identity.IdentityKeys.publicKeys(publicKey)
                                    .get(0),
                            io.laxin.kernel.identity.IdentityKeys.privateKey(privateKey)));
        }
        return keys;
    }

    /** H2 (MySQL mode) in the data folder, or the service's own schema on the MySQL the environment names. */
    static Map<String, String> database(String service, Path data) {
        String schema = "laxin_" + service.replace("-service", "");
        String mysql = System.getenv("LAXIN_MYSQL_URL");
        if (mysql != null && !mysql.isBlank()) {
            return Map.of(
                    "url",
                    mysql + "/" + schema + "?createDatabaseIfNotExist=true&useSSL=false"
                            + "&allowPublicKeyRetrieval=true&serverTimezone=UTC&rewriteBatchedStatements=true",
                    "username",
                    env("LAXIN_MYSQL_USER", "root"),
                    "password",
                    env("LAXIN_MYSQL_PASSWORD", ""),
                    "driver-class-name",
                    "com.mysql.cj.jdbc.Driver");
        }
        return Map.of(
                "url",
                "jdbc:h2:file:" + data.resolve("h2").resolve(schema)
                        + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_ON_EXIT=FALSE",
                "username",
                "sa",
                "password",
                "",
                "driver-class-name",
                "org.h2.Driver");
    }

    /** Phone hashes must match across restarts, so this key is made once and kept in the data folder. */
    static String identityKey(Path data) throws java.io.IOException {
        return keptKey(data, "identity.key");
    }

    /** A key made once and kept in the data folder (readable by the owner only), the same on every restart. */
    static String keptKey(Path data, String name) throws java.io.IOException {
        Path file = data.resolve(name);
        if (!Files.exists(file)) {
            Files.writeString(file, token(32));
            file.toFile().setReadable(false, false);
            file.toFile().setReadable(true, true);
        }
        return Files.readString(file).trim();
    }

    static String token(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
