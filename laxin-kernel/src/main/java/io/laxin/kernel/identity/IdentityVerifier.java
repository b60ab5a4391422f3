package io.laxin.kernel.identity;

import io.laxin.kernel.api.CommonErrorCode;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Checks the identity headers of a request to this service (ADR 0007): an Ed25519 signature by the key of the signer
 * the caller implies — {@code SERVICE:<name>} only by service {@code <name>}'s key, every other caller only by the
 * gateway's — over method, path and canonical query, body digest, this service's name, caller, roles, a timestamp
 * within ±5 minutes, a nonce not seen before and, for a host key scoped to campaigns, those campaigns. Each signer may have two trusted keys (current and next).
 */
public final class IdentityVerifier {

    /** The signer name of the gateway's keys. */
    public static final String GATEWAY = "gateway";
    /** Longer than the whole window a timestamp is accepted in (±{@link IdentitySigner#MAX_SKEW}). */
    public static final Duration NONCE_TTL = IdentitySigner.MAX_SKEW.multipliedBy(2);

    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private static final String PREFIX = InternalRequest.VERSION + ",";

    private final String self;
    private final Map<String, List<PublicKey>> trusted;
    private final NonceStore nonces;
    private final Clock clock;

    /**
     * @param self    this service's name: requests signed for another service are refused
     * @param trusted signer name ({@link #GATEWAY} or a service name) → its public keys (current, next)
     * @param clock   wall-clock time (signatures expire by it, never by a business clock tests move)
     */
    public IdentityVerifier(String self, Map<String, List<PublicKey>> trusted, NonceStore nonces, Clock clock) {
        this.self = self;
        this.trusted = Map.copyOf(trusted);
        this.nonces = nonces;
        this.clock = clock;
    }

    /** Whether any key of the gateway is trusted (a service without one could accept nothing from users). */
    public boolean trustsGateway() {
        return !trusted.getOrDefault(GATEWAY, List.of()).isEmpty();
    }

    /** The outcome: the caller, or the problem code and why (for logs; the answer says less). */
    public record Verdict(Optional<Caller> caller, CommonErrorCode code, String reason) {

        static Verdict ok(Caller caller) {
            return new Verdict(Optional.of(caller), null, null);
        }

        static Verdict refused(String reason) {
            return new Verdict(Optional.empty(), CommonErrorCode.UNAUTHENTICATED, reason);
        }
    }

    /** Verifies the identity headers ({@code header} gives a header's value or null) of {@code request}. */
    public Verdict verify(Function<String, String> header, InternalRequest request) {
        String callerValue = header.apply(IdentityHeaders.CALLER);
        String roles = header.apply(IdentityHeaders.ROLES);
        String ts = header.apply(IdentityHeaders.TIMESTAMP);
        String nonce = header.apply(IdentityHeaders.NONCE);
        String signature = header.apply(IdentityHeaders.SIGNATURE);
        String campaigns = header.apply(IdentityHeaders.CAMPAIGNS);
        String campaignsValue = campaigns == null ? "" : campaigns;
        if (callerValue == null || ts == null || nonce == null || signature == null) {
            return Verdict.refused("identity headers missing");
        }
        if (!signature.startsWith(PREFIX)) {
            return Verdict.refused("not a " + InternalRequest.VERSION + " signature");
        }
        if (!NONCE.matcher(nonce).matches()) {
            return Verdict.refused("malformed nonce");
        }
        String rolesValue = roles == null ? "" : roles;
        Optional<Caller> caller = parse(callerValue, rolesValue, campaignsValue);
        if (caller.isEmpty()) {
            return Verdict.refused("malformed caller, roles or campaigns");
        }
        String signer = caller.get().kind() == CallerKind.SERVICE ? caller.get().id() : GATEWAY;
        List<PublicKey> keys = trusted.getOrDefault(signer, List.of());
        if (keys.isEmpty()) {
            return Verdict.refused("no trusted key of " + signer);
        }
        long epoch;
        try {
            epoch = Long.parseLong(ts);
        } catch (NumberFormatException e) {
            return Verdict.refused("malformed timestamp");
        }
        if (Math.abs(clock.instant().getEpochSecond() - epoch) > IdentitySigner.MAX_SKEW.toSeconds()) {
            return Verdict.refused("timestamp outside ±" + IdentitySigner.MAX_SKEW.toMinutes() + " min");
        }
        byte[] presented;
        try {
            presented = Base64.getDecoder().decode(signature.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return Verdict.refused("malformed signature");
        }
        InternalRequest forMe =
                new InternalRequest(request.method(), request.path(), request.query(), request.body(), self);
        byte[] canonical = InternalRequest.utf8(forMe.canonical(callerValue, rolesValue, ts, nonce, campaignsValue));
        if (keys.stream().noneMatch(k -> valid(k, canonical, presented))) {
            return Verdict.refused("signature does not match (signer " + signer + ")");
        }
        // only once the signature is valid, so nobody can burn another caller's nonces
        if (!nonces.firstUse(signer + ":" + nonce, Instant.ofEpochSecond(epoch), NONCE_TTL)) {
            return new Verdict(
                    Optional.empty(),
                    CommonErrorCode.SIGNATURE_REPLAYED,
                    "nonce already used, or signed before the nonce store's memory began");
        }
        return Verdict.ok(caller.get());
    }

    private static boolean valid(PublicKey key, byte[] canonical, byte[] presented) {
        try {
            Signature s = Signature.getInstance(IdentityKeys.ALGORITHM);
            s.initVerify(key);
            s.update(canonical);
            return s.verify(presented);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static Optional<Caller> parse(String callerValue, String roles, String campaigns) {
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
            Set<Long> campaignSet = new java.util.TreeSet<>();
            for (String c : campaigns.isEmpty() ? new String[0] : campaigns.split(",", -1)) {
                long id = Long.parseLong(c);
                if (id <= 0 || !campaignSet.add(id)) {
                    return Optional.empty();
                }
            }
            Caller caller = new Caller(kind, callerValue.substring(colon + 1), roleSet, campaignSet);
            // only the canonical form (ascending, no duplicates, no signs or zeros in front) is ever signed
            return IdentityHeaders.campaignsValue(caller).equals(campaigns) ? Optional.of(caller) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
