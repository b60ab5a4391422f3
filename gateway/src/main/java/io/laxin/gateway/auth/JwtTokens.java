package io.laxin.gateway.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * HS256 tokens as the brand's login issues them: {@code sub} is the user id, {@code roles} (optional) the staff roles.
 * Verification checks signature, issuer, audience, expiry and not-before with a clock skew.
 */
public final class JwtTokens {

    private static final int MIN_SECRET_BYTES = 32;

    private final byte[] secret;
    private final String issuer;
    private final String audience;
    private final Duration skew;
    private final Clock clock;

    public JwtTokens(String secret, String issuer, String audience, Duration skew, Clock clock) {
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("laxin.gateway.auth.jwt-hmac-secret (env LAXIN_JWT_HMAC_SECRET) must be "
                    + "set to at least " + MIN_SECRET_BYTES + " bytes");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.issuer = issuer;
        this.audience = audience;
        this.skew = skew;
        this.clock = clock;
    }

    /** Verified claims of a token. */
    public record Verified(String subject, List<String> roles) {
    }

    /** Thrown with a reason a client developer can act on. */
    public static final class Rejected extends Exception {
        public Rejected(String reason) {
            super(reason);
        }
    }

    public Verified verify(String token) throws Rejected {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException e) {
            throw new Rejected("The bearer token is not a JWT");
        }
        try {
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new MACVerifier(secret))) {
                throw new Rejected("The token's signature is not valid");
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Instant now = clock.instant();
            if (claims.getExpirationTime() == null || now.minus(skew).isAfter(claims.getExpirationTime().toInstant())) {
                throw new Rejected("The token has expired");
            }
            if (claims.getNotBeforeTime() != null && now.plus(skew).isBefore(claims.getNotBeforeTime().toInstant())) {
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
            List<String> roles = claims.getStringListClaim("roles");
            return new Verified(claims.getSubject(), roles == null ? List.of() : roles);
        } catch (JOSEException | ParseException e) {
            throw new Rejected("The token could not be verified");
        }
    }

    /** Issues a token (the local run's demo tokens, and tests). */
    public String mint(String subject, List<String> roles, Duration ttl) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(subject).issuer(issuer).audience(audience)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(ttl)));
        if (!roles.isEmpty()) {
            claims.claim("roles", roles);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
        try {
            jwt.sign(new MACSigner(secret));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
