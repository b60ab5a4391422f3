package io.laxin.kernel.identity;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signs the identity headers of an internal hop (ADR 0007) with this app's own Ed25519 private key: the gateway's
 * for the callers it verified, a service's own for its {@code SERVICE:<name>} calls. The signature covers the method,
 * path and query, body digest, target service, caller, roles, timestamp, a fresh nonce and a host's campaign
 * scope ({@link IdentityHeaders#CAMPAIGNS}, only when it has one); see {@link IdentityVerifier}.
 * The key comes from configuration ({@code laxin.identity.private-key}), never from code.
 */
public final class IdentitySigner {

    /** How far a signed timestamp may be from the verifier's clock. */
    public static final Duration MAX_SKEW = Duration.ofMinutes(5);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final PrivateKey key;
    private final Clock clock;

    public IdentitySigner(PrivateKey key, Clock clock) {
        if (key == null
                || !IdentityKeys.ALGORITHM.equalsIgnoreCase(key.getAlgorithm())
                        && !"EdDSA".equalsIgnoreCase(key.getAlgorithm())) {
            throw new IllegalStateException("An internal identity signer needs an Ed25519 private key");
        }
        this.key = key;
        this.clock = clock;
    }

    /** The headers to add to {@code request}, made on behalf of {@code caller}, signed now with a fresh nonce. */
    public Map<String, String> sign(Caller caller, InternalRequest request) {
        return sign(caller, request, clock.instant(), newNonce());
    }

    public Map<String, String> sign(Caller caller, InternalRequest request, Instant at, String nonce) {
        String callerValue = IdentityHeaders.callerValue(caller);
        String roles = IdentityHeaders.rolesValue(caller);
        String ts = Long.toString(at.getEpochSecond());
        String campaigns = IdentityHeaders.campaignsValue(caller);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(IdentityHeaders.CALLER, callerValue);
        headers.put(IdentityHeaders.ROLES, roles);
        headers.put(IdentityHeaders.TIMESTAMP, ts);
        headers.put(IdentityHeaders.NONCE, nonce);
        if (!campaigns.isEmpty()) {
            headers.put(IdentityHeaders.CAMPAIGNS, campaigns);
        }
        headers.put(
                IdentityHeaders.SIGNATURE,
                InternalRequest.VERSION + ","
                        + Base64.getEncoder()
                                .encodeToString(
                                        signature(request.canonical(callerValue, roles, ts, nonce, campaigns))));
        return headers;
    }

    /** 16 random bytes, base64url: 22 characters of {@code [A-Za-z0-9_-]}. */
    public static String newNonce() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private byte[] signature(String canonical) {
        try {
            Signature s = Signature.getInstance(IdentityKeys.ALGORITHM);
            s.initSign(key);
            s.update(InternalRequest.utf8(canonical));
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }
}
