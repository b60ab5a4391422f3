package io.laxin.kernel.identity;

import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code laxin.identity.*}: the keys of internal identity (ADR 0007). None has a default; each app's config file maps
 * them to environment variables (a Kubernetes Secret).
 *
 * @param privateKey  this app's Ed25519 private key, base64 PKCS#8 (the gateway: {@code LAXIN_GATEWAY_PRIVATE_KEY};
 *                    a service, for the calls it makes: {@code LAXIN_SERVICE_PRIVATE_KEY})
 * @param trustedKeys signer ({@code gateway} or a service name) → its public keys, base64 X.509, comma-separated,
 *                    current then next ({@code LAXIN_GATEWAY_PUBLIC_KEYS}, {@code LAXIN_<SERVICE>_PUBLIC_KEYS})
 * @param maxBody     the largest request body a service reads to check its digest (larger: 413)
 * @param maxNonces   how many nonces a replica remembers in memory (no Redis, or Redis away)
 * @param openPaths   path prefixes served without identity (health, API docs)
 */
@ConfigurationProperties("laxin.identity")
public record IdentityProperties(
        String privateKey,
        Map<String, String> trustedKeys,
        @DefaultValue("1MB") DataSize maxBody,
        @DefaultValue("100000") int maxNonces,

        @DefaultValue({"/actuator", "/v3/api-docs", "/swagger-ui"})
        List<String> openPaths) {

    public IdentityProperties {
        trustedKeys = trustedKeys == null ? Map.of() : trustedKeys;
    }

    public boolean hasPrivateKey() {
        return privateKey != null && !privateKey.isBlank();
    }

    /** The configured public keys per signer (signers configured blank are left out). */
    public Map<String, List<PublicKey>> publicKeys() {
        Map<String, List<PublicKey>> keys = new LinkedHashMap<>();
        trustedKeys.forEach((signer, value) -> {
            List<PublicKey> parsed = IdentityKeys.publicKeys(value);
            if (!parsed.isEmpty()) {
                keys.put(signer, parsed);
            }
        });
        return keys;
    }
}
