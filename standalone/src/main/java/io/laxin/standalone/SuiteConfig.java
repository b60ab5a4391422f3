package io.laxin.standalone;

import io.laxin.kernel.messaging.Topics;

import java.util.Map;

/**
 * Everything the six apps need to find each other and their infrastructure.
 *
 * @param ports      app name → HTTP port (0 for any free port)
 * @param databases  service name → its datasource properties (url, username, password, driver)
 * @param hostApiKeys the gateway's host keys, {@code keyId=secret}
 * @param identityKey invite-service's key for hashing phone numbers (must stay the same across restarts)
 * @param deviceTokenKey invite-service's key for signing device tokens (kept across restarts, so the tokens browsers
 *                    and apps hold stay valid)
 * @param demoLogin   the console signs in demo staff and the H5 page demo end users through the gateway
 *                    ({@link DemoLogin}); local run and tests only
 */
public record SuiteConfig(
        Map<String, Integer> ports,
        Map<String, Map<String, String>> databases,
        String redisHost,
        int redisPort,
        String redisKeyPrefix,
        String namesrv,
        Topics topics,
        String internalSecret,
        String jwtSecret,
        String hostApiKeys,
        String publicBaseUrl,
        String identityKey,
        String deviceTokenKey,
        boolean demoLogin) {

    public static final String GATEWAY = "gateway";
    public static final String INVITE = "invite-service";
    public static final String REWARD = "reward-service";
    public static final String POSTER = "poster-service";
    public static final String ANTIFRAUD = "antifraud-service";
    public static final String WEBHOOK = "webhook-service";
}
