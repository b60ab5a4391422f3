package io.laxin.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.laxin.gateway.error.GatewayErrorCode;
import io.laxin.testsupport.FakeService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tokens signed with an RSA key, checked with the public key (PEM) or with a JWKS fetched over real HTTP. */
class JwtTokensTest {

    static final String ISSUER = "https://login.brand.example";
    static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final RSAKey KEY = generate("key-1");
    static final RSAKey OTHER_KEY = generate("key-2");
    static final FakeService JWKS = FakeService.start();

    @AfterAll
    static void stop() {
        JWKS.close();
    }

    @BeforeEach
    void publishKeyOne() {
        JWKS.clear();
        JWKS.on(
                "/jwks.json",
                r -> new FakeService.Answer(200, "application/json", new JWKSet(KEY.toPublicJWK()).toString()));
    }

    private static RSAKey generate(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String rs256(RSAKey key, String subject, String audience, Instant expires) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(key.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                new JWTClaimsSet.Builder()
                        .subject(subject)
                        .issuer(ISSUER)
                        .audience(audience)
                        .expirationTime(Date.from(expires))
                        .claim("roles", List.of("FINANCE"))
                        .build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static String pem(RSAKey key) throws Exception {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(key.toRSAPublicKey().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    private JwtTokens jwks() {
        return JwtTokens.jwks(
                JWKS.url() + "/jwks.json",
                Duration.ofSeconds(2),
                Duration.ofMinutes(10),
                ISSUER,
                "laxin",
                Duration.ofSeconds(60),
                CLOCK);
    }

    @Test
    void shouldAcceptATokenSignedWithTheConfiguredRsaKey() throws Exception {
        JwtTokens tokens = JwtTokens.rsa(pem(KEY), ISSUER, "laxin", Duration.ofSeconds(60), CLOCK);

        JwtTokens.Verified v = tokens.verify(rs256(KEY, "fin-1", "laxin", NOW.plusSeconds(300)));

        assertThat(v.subject()).isEqualTo("fin-1");
        assertThat(v.roles()).containsExactly("FINANCE");
    }

    @Test
    void shouldReadStaffRolesFromAConfiguredNestedClaim() throws Exception {
        JwtTokens tokens = JwtTokens.rsa(pem(KEY), ISSUER, "laxin", Duration.ofSeconds(60), CLOCK)
                .rolesClaim("realm_access.roles");
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).build(),
                new JWTClaimsSet.Builder()
                        .subject("fin-2")
                        .issuer(ISSUER)
                        .audience("laxin")
                        .expirationTime(Date.from(NOW.plusSeconds(300)))
                        .claim("roles", List.of("ADMIN"))
                        .claim("realm_access", java.util.Map.of("roles", List.of("FINANCE", "offline_access")))
                        .build());
        jwt.sign(new RSASSASigner(KEY));

        // the configured claim decides; a top-level roles claim is then not read
        assertThat(tokens.verify(jwt.serialize()).roles()).containsExactly("FINANCE", "offline_access");
        assertThat(tokens.verify(rs256(KEY, "u", "laxin", NOW.plusSeconds(300))).roles())
                .isEmpty();
        assertThatThrownBy(() -> tokens.rolesClaim("realm_access.")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldRefuseRsaTokensSignedWithAnotherKeyExpiredOrForAnotherAudience() throws Exception {
        JwtTokens tokens = JwtTokens.rsa(pem(KEY), ISSUER, "laxin", Duration.ofSeconds(60), CLOCK);

        assertThatThrownBy(() -> tokens.verify(rs256(OTHER_KEY, "u", "laxin", NOW.plusSeconds(300))))
                .hasMessageContaining("signature");
        assertThatThrownBy(() -> tokens.verify(rs256(KEY, "u", "laxin", NOW.minusSeconds(61))))
                .hasMessageContaining("expired");
        assertThatThrownBy(() -> tokens.verify(rs256(KEY, "u", "other", NOW.plusSeconds(300))))
                .hasMessageContaining("audience");
        // within the clock skew an expired token still passes
        assertThat(tokens.verify(rs256(KEY, "u", "laxin", NOW.minusSeconds(59))).subject())
                .isEqualTo("u");
    }

    @Test
    void shouldRefuseAnHmacTokenWhenAnRsaKeyIsConfigured() throws Exception {
        JwtTokens tokens = JwtTokens.rsa(pem(KEY), ISSUER, "laxin", Duration.ofSeconds(60), CLOCK);
        SignedJWT forged = new SignedJWT(
                new JWSHeader(JWSAlgorithm.HS256),
                new JWTClaimsSet.Builder()
                        .subject("u")
                        .issuer(ISSUER)
                        .audience("laxin")
                        .expirationTime(Date.from(NOW.plusSeconds(300)))
                        .build());
        forged.sign(new MACSigner(KEY.toRSAPublicKey().getEncoded()));

        assertThatThrownBy(() -> tokens.verify(forged.serialize())).isInstanceOf(JwtTokens.Rejected.class);
    }

    @Test
    void shouldVerifyWithKeysFromTheJwksUrlAndCacheThem() throws Exception {
        JwtTokens tokens = jwks();

        assertThat(tokens.remote()).isTrue();
        assertThat(tokens.verify(rs256(KEY, "u-1", "laxin", NOW.plusSeconds(300)))
                        .subject())
                .isEqualTo("u-1");
        assertThat(tokens.verify(rs256(KEY, "u-2", "laxin", NOW.plusSeconds(300)))
                        .subject())
                .isEqualTo("u-2");
        assertThat(JWKS.received()).hasSize(1);
    }

    @Test
    void shouldRefuseATokenWhoseKeyTheJwksDoesNotPublish() {
        JwtTokens tokens = jwks();

        assertThatThrownBy(() -> tokens.verify(rs256(OTHER_KEY, "u-1", "laxin", NOW.plusSeconds(300))))
                .isInstanceOf(JwtTokens.Rejected.class)
                .satisfies(e -> assertThat(((JwtTokens.Rejected) e).code()).isEqualTo(GatewayErrorCode.TOKEN_INVALID));
    }

    @Test
    void shouldAnswerUnavailableWhenTheJwksCannotBeFetched() {
        JWKS.on("/jwks.json", r -> new FakeService.Answer(500, "text/plain", "down"));
        JwtTokens tokens = jwks();

        assertThatThrownBy(() -> tokens.verify(rs256(KEY, "u-1", "laxin", NOW.plusSeconds(300))))
                .isInstanceOf(JwtTokens.Rejected.class)
                .satisfies(e ->
                        assertThat(((JwtTokens.Rejected) e).code()).isEqualTo(GatewayErrorCode.DEPENDENCY_UNAVAILABLE));
    }
}
