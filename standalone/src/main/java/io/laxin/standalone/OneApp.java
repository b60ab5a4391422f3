package io.laxin.standalone;

import io.laxin.kernel.identity.IdentityKeys;
import io.laxin.kernel.messaging.Topics;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * One app of the suite in this JVM, its siblings in other processes: {@code OneApp <app> <suite.properties>
 * [--more.args=...]}. The suite's fault tests (module {@code fault-suite}) start each app this way from the fat jar
 * ({@code java -cp laxin-standalone.jar -Dloader.main=io.laxin.standalone.OneApp
 * org.springframework.boot.loader.launch.PropertiesLauncher reward-service suite.properties}), so an app can be killed
 * and started again on its own. The app's arguments are {@link LaxinSuite}'s, from a {@link SuiteConfig} read from
 * the properties file:
 *
 * <pre>
 * port.&lt;app&gt;                 every app's HTTP port (all six: apps call each other)
 * db.&lt;service&gt;.&lt;property&gt;     a service's datasource (url, username, password, driver-class-name)
 * redis.host, redis.port, redis.key-prefix, namesrv, topics.suffix
 * key.&lt;app&gt;.private, key.&lt;app&gt;.public    each app's Ed25519 pair (IdentityKeys.encode)
 * jwt-secret, host-api-keys, public-base-url, identity-key, device-token-key
 * </pre>
 *
 * The file holds secrets: the caller makes it readable by its owner only. Stops on SIGTERM (closes the app).
 */
public final class OneApp {

    private OneApp() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("Usage: OneApp <app> <suite.properties> [--spring.args=...]; apps: " + SuiteConfig.APPS);
            System.exit(2);
        }
        System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
        SuiteConfig config = read(Path.of(args[1]));
        LaxinSuite suite = LaxinSuite.startOnly(
                config, args[0], List.copyOf(Arrays.asList(args).subList(2, args.length)));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            suite.close();
                            stopped.countDown();
                        },
                        "laxin-one-app-shutdown"));
        System.out.println("LAXIN-APP-READY " + args[0] + " " + suite.port(args[0]));
        stopped.await();
    }

    /** The suite's config as the properties file describes it (see the class comment). */
    static SuiteConfig read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        Map<String, Integer> ports = new LinkedHashMap<>();
        Map<String, KeyPair> keys = new LinkedHashMap<>();
        for (String app : SuiteConfig.APPS) {
            ports.put(app, Integer.parseInt(required(p, "port." + app)));
            keys.put(
                    app,
                    new KeyPair(
                            IdentityKeys.publicKey(required(p, "key." + app + ".public")),
                            IdentityKeys.privateKey(required(p, "key." + app + ".private"))));
        }
        Map<String, Map<String, String>> databases = new LinkedHashMap<>();
        for (String service : SuiteConfig.APPS) {
            Map<String, String> db = new LinkedHashMap<>();
            String prefix = "db." + service + ".";
            p.stringPropertyNames().stream()
                    .filter(k -> k.startsWith(prefix))
                    .forEach(k -> db.put(k.substring(prefix.length()), p.getProperty(k)));
            if (!db.isEmpty()) {
                databases.put(service, db);
            }
        }
        return new SuiteConfig(
                ports,
                databases,
                required(p, "redis.host"),
                Integer.parseInt(required(p, "redis.port")),
                required(p, "redis.key-prefix"),
                required(p, "namesrv"),
                Topics.withSuffix(p.getProperty("topics.suffix", "")),
                keys,
                required(p, "jwt-secret"),
                required(p, "host-api-keys"),
                required(p, "public-base-url"),
                required(p, "identity-key"),
                required(p, "device-token-key"),
                false);
    }

    private static String required(Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("The suite's properties file has no " + key);
        }
        return v.trim();
    }
}
