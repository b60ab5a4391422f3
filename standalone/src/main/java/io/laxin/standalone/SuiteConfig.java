package io.laxin.standalone;

import io.laxin.kernel.identity.IdentityKeys;
import io.laxin.kernel.messaging.Topics;
import java.security.KeyPair;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the six apps need to find each other and their infrastructure.
 *
 * @param ports      app name → HTTP port (0 for any free port)
 * @param databases  service name → its datasource properties (url, username, password, driver)
 * @param identityKeys the Ed25519 key pairs of internal identity (ADR 0007): {@link #GATEWAY} and each service →
 *                    its pair; each app gets its own private key and the public keys its config file trusts
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
        Map<String, KeyPair> identityKeys,
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
    public static final List<String> APPS = List.of(GATEWAY, INVITE, REWARD, POSTER, ANTIFRAUD, WEBHOOK);

    /** A fresh key pair for each app (the local run makes them at every start). */
    public static Map<String, KeyPair> newIdentityKeys() {
        Map<String, KeyPair> keys = new LinkedHashMap<>();
        APPS.forEach(app -> keys.put(app, IdentityKeys.generate()));
        return keys;
    }

    /** The environment variable an app's config file reads a signer's public keys from. */
    static String publicKeysVariable(String signer) {
        return "LAXIN_" + signer.toUpperCase().replace('-', '_') + "_PUBLIC_KEYS";
    }
}
