package io.laxin.kernel.identity;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Signs and verifies the identity headers of an internal hop: HMAC-SHA256 over caller, roles, timestamp, method and
 * path, with a secret shared by the gateway and the services (never in code: {@code LAXIN_INTERNAL_SECRET}).
 */
public final class IdentitySigner {

    /** How far a signed timestamp may be from the verifier's clock. */
    public static final Duration MAX_SKEW = Duration.ofMinutes(5);
    private static final int MIN_SECRET_LENGTH = 32;

    private final byte[] secret;
    private final Clock clock;

    public IdentitySigner(String secret, Clock clock) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException("laxin.internal.secret (env LAXIN_INTERNAL_SECRET) must be set to at least "
                    + MIN_SECRET_LENGTH + " characters; it is shared by the gateway and every service");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    /** The headers to add to a request to {@code method path} made on behalf of {@code caller}. */
    public Map<String, String> sign(Caller caller, String method, String path) {
        String callerValue = caller.kind().name() + ":" + caller.id();
        String roles = caller.rolesHeader();
        String ts = Long.toString(clock.instant().getEpochSecond());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(IdentityHeaders.CALLER, callerValue);
        headers.put(IdentityHeaders.ROLES, roles);
        headers.put(IdentityHeaders.TIMESTAMP, ts);
        headers.put(IdentityHeaders.SIGNATURE, mac(callerValue, roles, ts, method, path));
        return headers;
    }

    /** The caller, when the headers are present, fresh and correctly signed for this method and path. */
    public Optional<Caller> verify(String callerValue, String roles, String ts, String signature, String method,
                                   String path) {
        if (callerValue == null || ts == null || signature == null) {
            return Optional.empty();
        }
        String rolesValue = roles == null ? "" : roles;
        byte[] expected = mac(callerValue, rolesValue, ts, method, path).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        long epoch;
        try {
            epoch = Long.parseLong(ts);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (Math.abs(clock.instant().getEpochSecond() - epoch) > MAX_SKEW.toSeconds()) {
            return Optional.empty();
        }
        return parse(callerValue, rolesValue);
    }

    private static Optional<Caller> parse(String callerValue, String roles) {
        int colon = callerValue.indexOf(':');
        if (colon <= 0 || colon == callerValue.length() - 1) {
            return Optional.empty();
        }
        try {
            CallerKind kind = CallerKind.valueOf(callerValue.substring(0, colon));
            Set<Role> roleSet = EnumSet.noneOf(Role.class);
            for (String r : roles.split(",")) {
                if (!r.isBlank()) {
                    roleSet.add(Role.valueOf(r.trim()));
                }
            }
            return Optional.of(new Caller(kind, callerValue.substring(colon + 1), roleSet));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String mac(String caller, String roles, String ts, String method, String path) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            String canonical = String.join("\n", caller, roles, ts, method.toUpperCase(), path);
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
