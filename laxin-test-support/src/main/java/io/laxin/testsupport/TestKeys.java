package io.laxin.testsupport;

import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.CallerKind;
import io.laxin.kernel.identity.IdentityKeys;
import io.laxin.kernel.identity.IdentitySigner;
import io.laxin.kernel.identity.IdentityVerifier;
import io.laxin.kernel.identity.InMemoryNonceStore;
import java.security.KeyPair;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Ed25519 key pairs of internal identity for this test JVM (ADR 0007): one for the gateway and one per service,
 * made on first use, never written anywhere. Also which test app listens on which port, so a test calling a service
 * directly signs for that service.
 */
public final class TestKeys {

    public static final String GATEWAY = IdentityVerifier.GATEWAY;
    /** Every signer a test app trusts (tests check each service's own rules for each kind of caller). */
    public static final List<String> SIGNERS = List.of(
            GATEWAY, "invite-service", "reward-service", "poster-service", "antifraud-service", "webhook-service");

    private static final Map<String, KeyPair> PAIRS = new ConcurrentHashMap<>();
    private static final Map<Integer, String> SERVICES_BY_PORT = new ConcurrentHashMap<>();

    private TestKeys() {}

    public static KeyPair pair(String signer) {
        return PAIRS.computeIfAbsent(signer, s -> IdentityKeys.generate());
    }

    /** The signer a caller's headers must come from: the service itself, or the gateway for anyone else. */
    public static IdentitySigner signerFor(Caller caller) {
        return signer(caller.kind() == CallerKind.SERVICE ? caller.id() : GATEWAY);
    }

    public static IdentitySigner signer(String signer) {
        return new IdentitySigner(pair(signer).getPrivate(), Clock.systemUTC());
    }

    /** A verifier for {@code self} trusting every test signer (for stubs that check what an app sent). */
    public static IdentityVerifier verifier(String self) {
        return new IdentityVerifier(
                self,
                Map.of(
                        GATEWAY,
                        List.of(pair(GATEWAY).getPublic()),
                        "invite-service",
                        List.of(pair("invite-service").getPublic()),
                        "reward-service",
                        List.of(pair("reward-service").getPublic()),
                        "poster-service",
                        List.of(pair("poster-service").getPublic()),
                        "antifraud-service",
                        List.of(pair("antifraud-service").getPublic()),
                        "webhook-service",
                        List.of(pair("webhook-service").getPublic())),
                new InMemoryNonceStore(10_000, Clock.systemUTC()),
                Clock.systemUTC());
    }

    /** The identity properties of one app: its own private key and every test signer's public key. */
    public static Map<String, Object> properties(String app) {
        Map<String, Object> p = new HashMap<>();
        p.put("laxin.identity.private-key", IdentityKeys.encode(pair(app).getPrivate()));
        for (String signer : SIGNERS) {
            p.put(
                    "laxin.identity.trusted-keys." + signer,
                    IdentityKeys.encode(pair(signer).getPublic()));
        }
        return p;
    }

    static void listening(int port, String service) {
        SERVICES_BY_PORT.put(port, service);
    }

    /** The test app listening on this port, or null. */
    public static String serviceAt(int port) {
        return SERVICES_BY_PORT.get(port);
    }
}
