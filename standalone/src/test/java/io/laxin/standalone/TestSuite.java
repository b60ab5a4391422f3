package io.laxin.standalone;

import io.laxin.embedded.FreePorts;
import io.laxin.kernel.messaging.Topics;
import io.laxin.testsupport.LaxinTestEnvironment;
import io.laxin.testsupport.TestInfrastructure;
import io.laxin.testsupport.TestKeys;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole suite for an end-to-end test: the gateway and the five services in this JVM, each on its own freshly
 * named database of the test MySQL, a key prefix of its own in the test Redis, and topics of its own on the
 * in-process broker, so runs never see each other's data.
 */
final class TestSuite implements AutoCloseable {

    static final String HOST_KEY_ID = "brand";

    final LaxinSuite suite;
    final Topics topics;
    final String jwtSecret = TestInfrastructure.randomToken(32);
    final String hostSecret = TestInfrastructure.randomToken(16);

    private TestSuite(boolean demoLogin) throws IOException {
        topics = Topics.withSuffix("_e2e" + TestInfrastructure.randomToken(2));
        TestInfrastructure.createTopics(topics.all());
        Map<String, Map<String, String>> databases = new LinkedHashMap<>();
        for (String service : List.of(
                SuiteConfig.INVITE,
                SuiteConfig.REWARD,
                SuiteConfig.POSTER,
                SuiteConfig.ANTIFRAUD,
                SuiteConfig.WEBHOOK)) {
            Map<String, Object> p = LaxinTestEnvironment.properties(service);
            databases.put(
                    service,
                    Map.of(
                            "url",
                            (String) p.get("spring.datasource.url"),
                            "username",
                            (String) p.get("spring.datasource.username"),
                            "password",
                            (String) p.get("spring.datasource.password"),
                            "driver-class-name",
                            "com.mysql.cj.jdbc.Driver"));
        }
        int gatewayPort = FreePorts.pick();
        TestInfrastructure.RedisAddress redis = TestInfrastructure.redis();
        suite = LaxinSuite.start(new SuiteConfig(
                Map.of(SuiteConfig.GATEWAY, gatewayPort),
                databases,
                redis.host(),
                redis.port(),
                "lxt:" + TestInfrastructure.randomToken(4) + ":",
                TestInfrastructure.rocketMqNamesrv(),
                topics,
                identityKeys(),
                jwtSecret,
                HOST_KEY_ID + "=" + hostSecret,
                "http://127.0.0.1:" + gatewayPort,
                TestInfrastructure.randomToken(32),
                TestInfrastructure.randomToken(32),
                demoLogin));
    }

    /** The test JVM's key pairs, so a test may sign as the gateway or a service would. */
    private static Map<String, java.security.KeyPair> identityKeys() {
        Map<String, java.security.KeyPair> keys = new LinkedHashMap<>();
        SuiteConfig.APPS.forEach(app -> keys.put(app, TestKeys.pair(app)));
        return keys;
    }

    /** The suite as the API sees it. */
    static TestSuite start() throws IOException {
        return new TestSuite(false);
    }

    /** The suite with the console's demo sign-in, as the local run has it. */
    static TestSuite withDemoLogin() throws IOException {
        return new TestSuite(true);
    }

    String gatewayUrl() {
        return suite.gatewayUrl();
    }

    @Override
    public void close() {
        suite.close();
    }
}
