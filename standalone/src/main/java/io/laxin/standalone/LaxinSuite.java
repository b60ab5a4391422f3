package io.laxin.standalone;

import io.laxin.antifraud.AntifraudServerApplication;
import io.laxin.embedded.FreePorts;
import io.laxin.gateway.GatewayApplication;
import io.laxin.invite.InviteServerApplication;
import io.laxin.kernel.identity.IdentityKeys;
import io.laxin.poster.PosterServerApplication;
import io.laxin.reward.RewardServerApplication;
import io.laxin.webhook.WebhookServerApplication;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The gateway and the five services, each its own Spring context, in this JVM. Each app reads its own config file
 * ({@code invite-service.yml}, …); what the suite decides (ports, stores, broker, secrets) is passed as command-line
 * arguments, which outrank those files.
 */
public final class LaxinSuite implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LaxinSuite.class);
    /** Auto-configurations an app without a database must not run when it shares the suite's classpath. */
    private static final List<String> NO_DATABASE = List.of(
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
            "com.baomidou.mybatisplus.autoconfigure.MybatisPlusAutoConfiguration");
    /** The gateway's auto-configurations, which a servlet service must not run on the suite's classpath. */
    private static final List<String> NO_GATEWAY = List.of(
            "org.springframework.cloud.gateway.config.GatewayClassPathWarningAutoConfiguration",
            "org.springframework.cloud.gateway.config.GatewayAutoConfiguration",
            "org.springframework.cloud.gateway.config.GatewayResilience4JCircuitBreakerAutoConfiguration",
            "org.springframework.cloud.gateway.config.GatewayNoLoadBalancerClientAutoConfiguration",
            "org.springframework.cloud.gateway.config.GatewayFunctionAutoConfiguration",
            "org.springframework.cloud.gateway.config.GatewayMetricsAutoConfiguration",
            "org.springframework.cloud.gateway.config.GatewayRedisAutoConfiguration",
            "org.springframework.cloud.gateway.config.GatewayStreamAutoConfiguration",
            "org.springframework.cloud.gateway.discovery.GatewayDiscoveryClientAutoConfiguration",
            "org.springframework.cloud.gateway.config.SimpleUrlHandlerMappingGlobalCorsAutoConfiguration",
            "org.springframework.cloud.gateway.config.GatewayReactiveLoadBalancerClientAutoConfiguration",
            "org.springframework.cloud.gateway.config.LocalResponseCacheAutoConfiguration",
            "org.springframework.cloud.gateway.config.GatewayTracingAutoConfiguration");

    private final Map<String, ConfigurableApplicationContext> contexts = new LinkedHashMap<>();
    private final SuiteConfig config;
    /** Every app's port, decided before the first starts: invite-service and reward-service call each other. */
    private final Map<String, Integer> ports = new LinkedHashMap<>();

    private LaxinSuite(SuiteConfig config) {
        this.config = config;
        for (String app : List.of(
                SuiteConfig.ANTIFRAUD,
                SuiteConfig.REWARD,
                SuiteConfig.INVITE,
                SuiteConfig.POSTER,
                SuiteConfig.WEBHOOK,
                SuiteConfig.GATEWAY)) {
            int configured = config.ports().getOrDefault(app, 0);
            // any free port: one the kernel does not also hand out to outgoing connections while the apps start
            ports.put(app, configured != 0 ? configured : FreePorts.pick());
        }
    }

    /** How each app is started: its Spring application, and whether it has a database and a broker. */
    private record App(Supplier<SpringApplicationBuilder> application, boolean database, boolean messaging) {}

    /** In start order: the services first (invite-service and reward-service call antifraud), the gateway last. */
    private static final Map<String, App> APPS = apps();

    private static Map<String, App> apps() {
        Map<String, App> apps = new LinkedHashMap<>();
        apps.put(SuiteConfig.ANTIFRAUD, new App(AntifraudServerApplication::application, true, true));
        apps.put(SuiteConfig.REWARD, new App(RewardServerApplication::application, true, true));
        apps.put(SuiteConfig.INVITE, new App(InviteServerApplication::application, true, true));
        apps.put(SuiteConfig.POSTER, new App(PosterServerApplication::application, true, false));
        apps.put(SuiteConfig.WEBHOOK, new App(WebhookServerApplication::application, true, true));
        apps.put(SuiteConfig.GATEWAY, new App(GatewayApplication::application, false, false));
        return apps;
    }

    public static LaxinSuite start(SuiteConfig config) {
        LaxinSuite suite = new LaxinSuite(config);
        try {
            APPS.keySet().forEach(app -> suite.startApp(app, List.of()));
        } catch (RuntimeException e) {
            suite.close();
            throw e;
        }
        return suite;
    }

    /**
     * Only the named app, in this JVM, with its siblings expected on the ports the config names (a suite whose apps
     * run in separate processes: {@link OneApp}).
     *
     * @param extraArgs further command-line arguments for the app (they come last, so they win)
     */
    public static LaxinSuite startOnly(SuiteConfig config, String app, List<String> extraArgs) {
        if (!APPS.containsKey(app)) {
            throw new IllegalArgumentException("No app named " + app + "; one of " + APPS.keySet());
        }
        LaxinSuite suite = new LaxinSuite(config);
        try {
            suite.startApp(app, extraArgs);
        } catch (RuntimeException e) {
            suite.close();
            throw e;
        }
        return suite;
    }

    private void startApp(String name, List<String> extraArgs) {
        App app = APPS.get(name);
        boolean database = app.database();
        boolean messaging = app.messaging();
        long started = System.nanoTime();
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + ports.get(name),
                "--spring.main.banner-mode=off",
                "--laxin.identity.private-key="
                        + IdentityKeys.encode(config.identityKeys().get(name).getPrivate()),
                "--spring.data.redis.host=" + config.redisHost(),
                "--spring.data.redis.port=" + config.redisPort(),
                "--laxin.redis.key-prefix=" + config.redisKeyPrefix(),
                "--laxin.invite.share-base-url=" + config.publicBaseUrl(),
                "--laxin.topics.referral=" + config.topics().referral(),
                "--laxin.topics.order=" + config.topics().order(),
                "--laxin.topics.risk=" + config.topics().risk(),
                "--laxin.topics.reward=" + config.topics().reward()));
        // as the environment would give them: each app's config file decides whose keys it trusts
        config.identityKeys()
                .forEach((signer, pair) -> args.add(
                        "--" + SuiteConfig.publicKeysVariable(signer) + "=" + IdentityKeys.encode(pair.getPublic())));
        List<String> excluded = new ArrayList<>();
        if (database) {
            config.databases().get(name).forEach((k, v) -> args.add("--spring.datasource." + k + "=" + v));
        } else {
            excluded.addAll(NO_DATABASE);
        }
        if (!name.equals(SuiteConfig.GATEWAY)) {
            excluded.addAll(NO_GATEWAY);
        }
        args.add("--spring.autoconfigure.exclude=" + String.join(",", excluded));
        if (messaging) {
            args.add("--rocketmq.name-server=" + config.namesrv());
        }
        if (name.equals(SuiteConfig.INVITE)) {
            args.add("--laxin.invite.identity-key=" + config.identityKey());
            args.add("--laxin.invite.device-token-key=" + config.deviceTokenKey());
        }
        if (name.equals(SuiteConfig.WEBHOOK)) {
            // the suite runs on one machine: a brand's test receiver there is on a private address, over http
            args.add("--laxin.webhook.allow-private-addresses=true");
            args.add("--laxin.webhook.allow-http=true");
        }
        if (name.equals(SuiteConfig.GATEWAY)) {
            args.add("--laxin.gateway.auth.jwt-hmac-secret=" + config.jwtSecret());
            args.add("--laxin.gateway.auth.host-api-keys=" + config.hostApiKeys());
        }
        for (String sibling : List.of(
                SuiteConfig.INVITE,
                SuiteConfig.REWARD,
                SuiteConfig.POSTER,
                SuiteConfig.ANTIFRAUD,
                SuiteConfig.WEBHOOK)) {
            if (!sibling.equals(name)) {
                args.add("--laxin.services." + sibling.replace("-service", "") + "-url=http://127.0.0.1:"
                        + ports.get(sibling));
            }
        }
        SpringApplicationBuilder builder = app.application().get();
        if (name.equals(SuiteConfig.GATEWAY) && config.demoLogin()) {
            builder.sources(DemoLogin.class);
            args.add("--laxin.console.login=demo");
            args.add("--laxin.h5.login=demo");
        }
        args.addAll(extraArgs);
        ConfigurableApplicationContext context = builder.run(args.toArray(String[]::new));
        contexts.put(name, context);
        log.info("{} up on port {} in {} ms", name, port(name), (System.nanoTime() - started) / 1_000_000);
    }

    public int port(String app) {
        return ((WebServerApplicationContext) contexts.get(app)).getWebServer().getPort();
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + port(SuiteConfig.GATEWAY);
    }

    public ConfigurableApplicationContext context(String app) {
        return contexts.get(app);
    }

    /** Gateway first, so no new request reaches a service that is closing. */
    @Override
    public void close() {
        List<String> names = new ArrayList<>(contexts.keySet());
        for (int i = names.size() - 1; i >= 0; i--) {
            try {
                contexts.get(names.get(i)).close();
            } catch (RuntimeException e) {
                log.warn("Closing {}: {}", names.get(i), e.toString());
            }
        }
        contexts.clear();
    }
}
