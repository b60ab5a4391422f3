package io.laxin.gateway.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.laxin.gateway.error.GatewayErrorCode;
import io.laxin.kernel.api.ErrorCode;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Bearer tokens as the brand's login issues them: {@code sub} is the user id, {@code roles} (optional) the staff
 * roles. The key is one of: an HMAC secret (HS256/384/512), an RSA public key (RS/PS 256–512), or a JWKS URL
 * (fetched with a short timeout, cached, refreshed when an unknown {@code kid} appears). Verification checks the
 * signature, issuer, audience, expiry and not-before with a clock skew, against the injected clock.
 */
public final class JwtTokens {

    private static final int MIN_SECRET_BYTES = 32;
    private static final Set<JWSAlgorithm> HMAC_ALGORITHMS =
            Set.of(JWSAlgorithm.HS256, JWSAlgorithm.HS384, JWSAlgorithm.HS512);
    private static final Set<JWSAlgorithm> RSA_ALGORITHMS = Set.of(
            JWSAlgorithm.RS256,
            JWSAlgorithm.RS384,
            JWSAlgorithm.RS512,
            JWSAlgorithm.PS256,
            JWSAlgorithm.PS384,
            JWSAlgorithm.PS512);
    private static final Set<JWSAlgorithm> PUBLIC_KEY_ALGORITHMS = Set.of(
            JWSAlgorithm.RS256,
            JWSAlgorithm.RS384,
            JWSAlgorithm.RS512,
            JWSAlgorithm.PS256,
            JWSAlgorithm.PS384,
            JWSAlgorithm.PS512,
            JWSAlgorithm.ES256,
            JWSAlgorithm.ES384);

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final byte[] hmacSecret;
    private final boolean remote;
    private final String issuer;
    private final String audience;
    private final Duration skew;
    private final Clock clock;
    private volatile String[] rolesClaim = {"roles"};

    /** HMAC-signed tokens (the brand shares a secret of at least 32 bytes). */
    public JwtTokens(String secret, String issuer, String audience, Duration skew, Clock clock) {
        this(
                hmacSource(secret),
                HMAC_ALGORITHMS,
                secret.getBytes(StandardCharsets.UTF_8),
                false,
                issuer,
                audience,
                skew,
                clock);
    }

    private JwtTokens(
            JWKSource<SecurityContext> keys,
            Set<JWSAlgorithm> algorithms,
            byte[] hmacSecret,
            boolean remote,
            String issuer,
            String audience,
            Duration skew,
            Clock clock) {
        this(new JWSVerificationKeySelector<>(algorithms, keys), hmacSecret, remote, issuer, audience, skew, clock);
    }

    private JwtTokens(
            JWSKeySelector<SecurityContext> selector,
            byte[] hmacSecret,
            boolean remote,
            String issuer,
            String audience,
            Duration skew,
            Clock clock) {
        if (issuer == null || issuer.isBlank() || audience == null || audience.isBlank()) {
            throw new IllegalStateException("laxin.gateway.auth.jwt-issuer and jwt-audience must be set");
        }
        this.processor.setJWSKeySelector(selector);
        // issuer, audience, expiry and not-before are checked below against the injected clock
        this.processor.setJWTClaimsSetVerifier((claims, context) -> {});
        this.hmacSecret = hmacSecret;
        this.remote = remote;
        this.issuer = issuer;
        this.audience = audience;
        this.skew = skew;
        this.clock = clock;
    }

    public static JwtTokens hmac(String secret, String issuer, String audience, Duration skew, Clock clock) {
        return new JwtTokens(secret, issuer, audience, skew, clock);
    }

    /** RSA-signed tokens checked with the brand's public key (PEM {@code -----BEGIN PUBLIC KEY-----}). */
    public static JwtTokens rsa(String publicKeyPem, String issuer, String audience, Duration skew, Clock clock) {
        return rsa(parsePublicKey(publicKeyPem), issuer, audience, skew, clock);
    }

    public static JwtTokens rsa(RSAPublicKey key, String issuer, String audience, Duration skew, Clock clock) {
        // one configured key: whatever kid the token names, this is the key (an RSA algorithm is still required)
        JWSKeySelector<SecurityContext> selector =
                (header, context) -> RSA_ALGORITHMS.contains(header.getAlgorithm()) ? List.<Key>of(key) : List.of();
        return new JwtTokens(selector, null, false, issuer, audience, skew, clock);
    }

    /**
     * Tokens checked with the keys the brand publishes at {@code jwksUrl}: fetched with {@code timeout} (connect and
     * read), cached for {@code cacheTtl}, refetched at most every 30 s when a token names an unknown key id.
     */
    public static JwtTokens jwks(
            String jwksUrl,
            Duration timeout,
            Duration cacheTtl,
            String issuer,
            String audience,
            Duration skew,
            Clock clock) {
        URL url;
        try {
            url = URI.create(jwksUrl).toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalStateException("laxin.gateway.auth.jwt-jwks-url is not a URL: " + jwksUrl, e);
        }
        int ms = (int) timeout.toMillis();
        JWKSource<SecurityContext> source = JWKSourceBuilder.<SecurityContext>create(
                        url, new DefaultResourceRetriever(ms, ms, 256 * 1024))
                .cache(cacheTtl.toMillis(), timeout.toMillis())
                .rateLimited(30_000)
                .build();
        return new JwtTokens(source, PUBLIC_KEY_ALGORITHMS, null, true, issuer, audience, skew, clock);
    }

    /** Verified claims of a token. */
    public record Verified(String subject, List<String> roles) {}

    /** Thrown with a reason a client developer can act on. */
    public static final class Rejected extends Exception {
        private final transient ErrorCode code;

        public Rejected(String reason) {
            this(GatewayErrorCode.TOKEN_INVALID, reason);
        }

        public Rejected(ErrorCode code, String reason) {
            super(reason);
            this.code = code;
        }

        public ErrorCode code() {
            return code;
        }
    }

    /** True when verifying may fetch keys over the network (call it off the event loop). */
    public boolean remote() {
        return remote;
    }

    public Verified verify(String token) throws Rejected {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException e) {
            throw new Rejected("The bearer token is not a JWT");
        }
        JWTClaimsSet claims;
        try {
            claims = processor.process(jwt, null);
        } catch (KeySourceException e) {
            throw new Rejected(
                    GatewayErrorCode.DEPENDENCY_UNAVAILABLE,
                    "The token issuer's key set could not be fetched; try again shortly");
        } catch (BadJOSEException | JOSEException e) {
            throw new Rejected("The token's signature is not valid");
        }
        Instant now = clock.instant();
        if (claims.getExpirationTime() == null
                || now.minus(skew).isAfter(claims.getExpirationTime().toInstant())) {
            throw new Rejected("The token has expired");
        }
        if (claims.getNotBeforeTime() != null
                && now.plus(skew).isBefore(claims.getNotBeforeTime().toInstant())) {
            throw new Rejected("The token is not valid yet");
        }
        if (!issuer.equals(claims.getIssuer())) {
            throw new Rejected("The token was issued by '" + claims.getIssuer() + "', not by " + issuer);
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(audience)) {
            throw new Rejected("The token is not meant for audience " + audience);
        }
        if (claims.getSubject() == null || claims.getSubject().isBlank()) {
            throw new Rejected("The token has no subject");
        }
        return new Verified(claims.getSubject(), roles(claims));
    }

    /**
     * Reads the staff roles from {@code claim} instead of {@code roles}: a claim name, or a dotted path into nested
     * objects as some identity providers put them (Keycloak: {@code realm_access.roles}).
     */
    public JwtTokens rolesClaim(String claim) {
        if (claim == null || claim.isBlank() || claim.startsWith(".") || claim.endsWith(".")) {
            throw new IllegalStateException("laxin.gateway.auth.jwt-roles-claim must be a claim name or a dotted path");
        }
        this.rolesClaim = claim.split("\\.");
        return this;
    }

    private List<String> roles(JWTClaimsSet claims) throws Rejected {
        Object value = claims.getClaim(rolesClaim[0]);
        for (int i = 1; i < rolesClaim.length && value != null; i++) {
            value = value instanceof java.util.Map<?, ?> m ? m.get(rolesClaim[i]) : null;
        }
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(String.class::cast).toList();
        }
        throw new Rejected("The token's " + String.join(".", rolesClaim) + " claim must be a list of strings");
    }

    /** Issues an HS256 token (the local run's demo tokens, and tests); only with an HMAC secret. */
    public String mint(String subject, List<String> roles, Duration ttl) {
        if (hmacSecret == null) {
            throw new IllegalStateException("Only HMAC-configured tokens can be minted here");
        }
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(issuer)
                .audience(audience)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)));
        if (!roles.isEmpty()) {
            claims.claim("roles", roles);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
        try {
            jwt.sign(new MACSigner(hmacSecret));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static JWKSource<SecurityContext> hmacSource(String secret) {
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("laxin.gateway.auth.jwt-hmac-secret (env LAXIN_JWT_HMAC_SECRET) must be "
                    + "set to at least " + MIN_SECRET_BYTES + " bytes");
        }
        return new ImmutableSecret<>(secret.getBytes(StandardCharsets.UTF_8));
    }

    static RSAPublicKey parsePublicKey(String pem) {
        try {
            String base64 =
                    pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (Exception e) {
            throw new IllegalStateException(
                    "laxin.gateway.auth.jwt-rsa-public-key is not a PEM RSA public key "
                            + "(-----BEGIN PUBLIC KEY-----)",
                    e);
        }
    }
}
