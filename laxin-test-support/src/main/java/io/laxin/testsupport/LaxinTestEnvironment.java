package io.laxin.testsupport;

import io.laxin.kernel.messaging.Topics;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring Boot test context at real infrastructure: a fresh MySQL database, Redis with its own key prefix,
 * the in-process RocketMQ broker with this context's own topics, and the test key pairs of internal identity
 * ({@link TestKeys}). Use with
 * {@code @ContextConfiguration(initializers = LaxinTestEnvironment.class)} or via {@link LaxinIntegrationTest}.
 */
public class LaxinTestEnvironment implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment env = context.getEnvironment();
        String app = env.getProperty("spring.application.name", "app");
        Map<String, Object> p = properties(app);
        // a test that takes Redis away names its proxy (laxin.test.redis-proxy=NAME; the proxy's port is the system
        // property laxin.test.redis-proxy.NAME): this context reaches Redis through it, other contexts do not
        String proxy = env.getProperty("laxin.test.redis-proxy");
        if (proxy != null) {
            String port = System.getProperty("laxin.test.redis-proxy." + proxy);
            if (port == null) {
                throw new IllegalStateException("No port for Redis proxy " + proxy + ": start a TcpProxy first");
            }
            p.put("spring.data.redis.host", "127.0.0.1");
            p.put("spring.data.redis.port", Integer.parseInt(port));
        }
        env.getPropertySources().addFirst(new MapPropertySource("laxinTestEnvironment", p));
        // so that a test calling this app directly signs for it (TestHttp.as)
        context.addApplicationListener(event -> {
            if (event instanceof ContextRefreshedEvent refreshed && refreshed.getApplicationContext() == context) {
                String port = env.getProperty("local.server.port");
                if (port != null) {
                    TestKeys.listening(Integer.parseInt(port), app);
                }
            }
        });
    }

    /** The properties for one app context; also used by the end-to-end test for each app it starts. */
    public static Map<String, Object> properties(String app) {
        return properties(app, "_" + TestInfrastructure.randomToken(3));
    }

    public static Map<String, Object> properties(String app, String topicSuffix) {
        Map<String, Object> p = new HashMap<>();
        TestInfrastructure.MySql mysql = TestInfrastructure.mysql();
        p.put("spring.datasource.url", TestInfrastructure.createDatabase(app.replace("-service", "")));
        p.put("spring.datasource.username", mysql.user());
        p.put("spring.datasource.password", mysql.password());
        p.put("spring.datasource.driver-class-name", "com.mysql.cj.jdbc.Driver");
        TestInfrastructure.RedisAddress redis = TestInfrastructure.redis();
        p.put("spring.data.redis.host", redis.host());
        p.put("spring.data.redis.port", redis.port());
        p.put("laxin.redis.key-prefix", "lxt:" + TestInfrastructure.randomToken(4) + ":");
        p.put("rocketmq.name-server", TestInfrastructure.rocketMqNamesrv());
        Topics topics = Topics.withSuffix(topicSuffix);
        TestInfrastructure.createTopics(topics.all());
        p.put("laxin.topics.referral", topics.referral());
        p.put("laxin.topics.order", topics.order());
        p.put("laxin.topics.risk", topics.risk());
        p.put("laxin.topics.reward", topics.reward());
        p.putAll(TestKeys.properties(app));
        return p;
    }
}
