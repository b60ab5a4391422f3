package io.laxin.gateway;

import static io.laxin.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.laxin.gateway.auth.JwtTokens;
import io.laxin.testsupport.FakeService;
import io.laxin.testsupport.TestHttp;
import io.laxin.testsupport.TestInfrastructure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A brand whose login publishes its keys: the gateway configured with a JWKS URL (a local fake endpoint). */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=gateway",
            "spring.main.web-application-type=reactive",
            "laxin.gateway.flow.log-dir=target/sentinel-logs"
        })
class GatewayJwksIT {

    static final RSAKey KEY = generate();
    static final FakeService LOGIN = FakeService.start()
            .on(
                    "/.well-known/jwks.json",
                    r -> new FakeService.Answer(200, "application/json", new JWKSet(KEY.toPublicJWK()).toString()));
    static final FakeService SERVICE =
            FakeService.start().on("/api/v1/invites/mine", r -> FakeService.Answer.json(Map.of("ok", true)));

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        GatewayTestProperties.infrastructure(registry);
        registry.add("laxin.gateway.auth.jwt-jwks-url", () -> LOGIN.url() + "/.well-known/jwks.json");
        GatewayTestProperties.services(registry, SERVICE::url, SERVICE::url, SERVICE::url, SERVICE::url);
    }

    @AfterAll
    static void stop() {
        LOGIN.close();
        SERVICE.close();
    }

    @LocalServerPort
    int port;

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID("login-2026").generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String token(String subject) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).build(),
                new JWTClaimsSet.Builder()
                        .subject(subject)
                        .issuer("https://login.brand.example")
                        .audience("laxin")
                        .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                        .build());
        jwt.sign(new RSASSASigner(KEY));
        return jwt.serialize();
    }

    @Test
    void shouldAcceptTokensSignedWithAPublishedKeyAndRefuseHmacOnes() throws Exception {
        var r = TestHttp.at("http://127.0.0.1:" + port).bearer(token("u-9")).get("/api/v1/invites/mine");

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(SERVICE.received().get(0).header("X-Laxin-Caller")).isEqualTo("USER:u-9");
        String hmac = new JwtTokens(
                        TestInfrastructure.randomToken(32),
                        "https://login.brand.example",
                        "laxin",
                        Duration.ofSeconds(60),
                        Clock.systemUTC())
                .mint("u-9", List.of(), Duration.ofMinutes(5));
        assertProblem(
                TestHttp.at("http://127.0.0.1:" + port).bearer(hmac).get("/api/v1/invites/mine"), 401, "TOKEN_INVALID");
    }
}
