package io.laxin.gateway;

import io.laxin.gateway.auth.JwtTokens;
import io.laxin.testsupport.FakeService;
import io.laxin.testsupport.TestHttp;
import io.laxin.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.laxin.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=gateway", "spring.main.web-application-type=reactive"})
class GatewayIT {

    static final String JWT_SECRET = TestInfrastructure.randomToken(32);
    static final String HOST_KEY = TestInfrastructure.randomToken(16);
    static final FakeService SERVICE = FakeService.start();
    static final FakeService DOWN = FakeService.start();

    static {
        SERVICE.on("/api/v1/invites/mine", r -> FakeService.Answer.json(Map.of("ok", true)));
        SERVICE.on("/api/v1/admin/campaigns", r -> FakeService.Answer.json(Map.of("ok", true)));
        SERVICE.on("/api/v1/host/registrations", r -> FakeService.Answer.json(Map.of("ok", true)));
        SERVICE.on("/s/ABCDEFGH", r -> new FakeService.Answer(302, "text/plain", ""));
        DOWN.close();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("laxin.internal.secret", TestInfrastructure::internalSecret);
        registry.add("laxin.gateway.auth.jwt-hmac-secret", () -> JWT_SECRET);
        registry.add("laxin.gateway.auth.host-api-keys", () -> "brand-a=" + HOST_KEY);
        registry.add("laxin.services.invite-url", SERVICE::url);
        registry.add("laxin.services.reward-url", DOWN::url);
        registry.add("laxin.services.poster-url", SERVICE::url);
        registry.add("laxin.services.antifraud-url", SERVICE::url);
    }

    @AfterAll
    static void stop() {
        SERVICE.close();
    }

    @LocalServerPort
    int port;

    private final JwtTokens tokens = new JwtTokens(JWT_SECRET, "https://login.brand.example", "laxin",
            Duration.ofSeconds(60), Clock.systemUTC());

    private TestHttp gateway() {
        return TestHttp.at("http://127.0.0.1:" + port);
    }

    @BeforeEach
    void clear() {
        SERVICE.clear();
    }

    @Test
    void shouldPassAVerifiedUserOnAsASignedIdentityAndDropForgedHeaders() {
        var r = gateway().bearer(tokens.mint("u-1", List.of(), Duration.ofMinutes(5)))
                .header("X-Laxin-Caller", "STAFF:boss").header("X-Laxin-Roles", "ADMIN")
                .get("/api/v1/invites/mine?campaignId=1");

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        FakeService.Received got = SERVICE.received().get(0);
        assertThat(got.header("X-Laxin-Caller")).isEqualTo("USER:u-1");
        assertThat(got.header("X-Laxin-Roles")).isEmpty();
        assertThat(got.header("X-Laxin-Signature")).isNotBlank();
        assertThat(got.header("Authorization")).isNull();
        assertThat(got.header("X-Request-Id")).isEqualTo(r.header("X-Request-Id"));
    }

    @Test
    void shouldRefuseMissingExpiredForgedAndForeignTokens() {
        assertProblem(gateway().get("/api/v1/invites/mine"), 401, "UNAUTHENTICATED");
        JwtTokens past = new JwtTokens(JWT_SECRET, "https://login.brand.example", "laxin", Duration.ofSeconds(60),
                Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC));
        assertProblem(gateway().bearer(past.mint("u-1", List.of(), Duration.ofMinutes(5)))
                .get("/api/v1/invites/mine"), 401, "UNAUTHENTICATED");
        JwtTokens otherKey = new JwtTokens(TestInfrastructure.randomToken(32), "https://login.brand.example", "laxin",
                Duration.ofSeconds(60), Clock.systemUTC());
        assertProblem(gateway().bearer(otherKey.mint("u-1", List.of(), Duration.ofMinutes(5)))
                .get("/api/v1/invites/mine"), 401, "UNAUTHENTICATED");
        JwtTokens otherAudience = new JwtTokens(JWT_SECRET, "https://login.brand.example", "someone-else",
                Duration.ofSeconds(60), Clock.systemUTC());
        assertProblem(gateway().bearer(otherAudience.mint("u-1", List.of(), Duration.ofMinutes(5)))
                .get("/api/v1/invites/mine"), 401, "UNAUTHENTICATED");
        assertProblem(gateway().bearer("not-a-jwt").get("/api/v1/invites/mine"), 401, "UNAUTHENTICATED");
        assertThat(SERVICE.received()).isEmpty();
    }

    @Test
    void shouldKeepUsersOffAdminAndHostRoutes() {
        String user = tokens.mint("u-2", List.of(), Duration.ofMinutes(5));
        assertProblem(gateway().bearer(user).post("/api/v1/admin/campaigns", Map.of()), 403, "FORBIDDEN");
        assertProblem(gateway().bearer(user).post("/api/v1/host/registrations", Map.of()), 403, "FORBIDDEN");
        assertThat(SERVICE.received()).isEmpty();
    }

    @Test
    void shouldPassStaffRolesAndHostKeysOn() {
        var staff = gateway().bearer(tokens.mint("op-1", List.of("OPS", "FINANCE"), Duration.ofMinutes(5)))
                .post("/api/v1/admin/campaigns", Map.of("name", "x"));
        var host = gateway().header("X-Api-Key", HOST_KEY).post("/api/v1/host/registrations", Map.of());

        assertThat(staff.status()).isEqualTo(200);
        assertThat(host.status()).isEqualTo(200);
        assertThat(SERVICE.received().get(0).header("X-Laxin-Caller")).isEqualTo("STAFF:op-1");
        assertThat(SERVICE.received().get(0).header("X-Laxin-Roles")).isEqualTo("FINANCE,OPS");
        assertThat(SERVICE.received().get(1).header("X-Laxin-Caller")).isEqualTo("HOST:brand-a");
        assertThat(SERVICE.received().get(1).header("X-Api-Key")).isNull();
        assertProblem(gateway().header("X-Api-Key", "wrong-key-wrong-key-wrong").post("/api/v1/host/registrations",
                Map.of()), 401, "UNAUTHENTICATED");
    }

    @Test
    void shouldLetAnyoneOpenAShareLink() {
        var r = gateway().get("/s/ABCDEFGH?ch=poster");

        assertThat(r.status()).isEqualTo(302);
        assertThat(SERVICE.received().get(0).header("X-Laxin-Caller")).isEqualTo("ANONYMOUS:-");
    }

    @Test
    void shouldAnswerProblemsForUnknownRoutesAndDownServices() {
        assertProblem(gateway().get("/api/v1/nothing-here"), 404, "NOT_FOUND");
        assertProblem(gateway().get("/internal/screenings"), 404, "NOT_FOUND");
        assertProblem(gateway().bearer(tokens.mint("u-3", List.of(), Duration.ofMinutes(5)))
                .get("/api/v1/rewards/mine"), 503, "DOWNSTREAM_UNAVAILABLE");
    }
}
