package io.laxin.gateway;

import static io.laxin.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.laxin.gateway.auth.HostSignatures;
import io.laxin.gateway.auth.JwtTokens;
import io.laxin.gateway.flow.FlowRules;
import io.laxin.gateway.flow.FlowSettings;
import io.laxin.testsupport.FakeService;
import io.laxin.testsupport.TestHttp;
import io.laxin.testsupport.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Sentinel through the gateway: limits per route, per user and per API key answer 429 with Retry-After; a failing
 * service's breaker opens (503 at once) and closes again by itself; ADMINs change the rules at run time. Sentinel's
 * state is static: each test loads the rules it needs, and the configured ones (gateway.yml's, too generous to fire
 * here) come back afterwards.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=gateway",
            "spring.main.web-application-type=reactive",
            "laxin.gateway.flow.log-dir=target/sentinel-logs"
        })
class GatewayFlowIT {

    static final String JWT_SECRET = TestInfrastructure.randomToken(32);
    static final String HOST_KEY = TestInfrastructure.randomToken(16);
    static final FakeService SERVICE = FakeService.start();
    static final AtomicBoolean FAILING = new AtomicBoolean();

    static {
        SERVICE.on(
                "/api/v1/invites/mine",
                r -> FAILING.get()
                        ? new FakeService.Answer(500, "text/plain", "boom")
                        : FakeService.Answer.json(Map.of("ok", true)));
        SERVICE.on("/api/v1/host/registrations", r -> FakeService.Answer.json(Map.of("ok", true)));
        SERVICE.on("/s/ABCDEFGH", r -> new FakeService.Answer(302, "text/plain", ""));
        SERVICE.on("/api/v1/posters/mine", r -> new FakeService.Answer(200, "image/jpeg", "jpeg"));
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        GatewayTestProperties.infrastructure(registry);
        registry.add("laxin.gateway.auth.jwt-hmac-secret", () -> JWT_SECRET);
        registry.add("laxin.gateway.auth.host-api-keys", () -> "brand-a=" + HOST_KEY + ",brand-b=" + HOST_KEY);
        GatewayTestProperties.services(registry, SERVICE::url, SERVICE::url, SERVICE::url, SERVICE::url);
    }

    @AfterAll
    static void stop() {
        SERVICE.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    FlowRules rules;

    private final JwtTokens tokens = new JwtTokens(
            JWT_SECRET, "https://login.brand.example", "laxin", Duration.ofSeconds(60), Clock.systemUTC());

    @BeforeEach
    void healthy() {
        FAILING.set(false);
        rules.reset();
    }

    @AfterEach
    void resetRules() {
        rules.reset();
    }

    private TestHttp gateway() {
        return TestHttp.at("http://127.0.0.1:" + port);
    }

    private TestHttp bearer(String id, String... roles) {
        return gateway().bearer(tokens.mint(id, List.of(roles), Duration.ofMinutes(5)));
    }

    private TestHttp.Response hostPost(String keyId, String body) {
        TestHttp http = gateway();
        for (var h : HostSignatures.sign(
                        keyId, HOST_KEY, "POST", "/api/v1/host/registrations", body.getBytes(StandardCharsets.UTF_8))
                .entrySet()) {
            http = http.header(h.getKey(), h.getValue());
        }
        return http.post("/api/v1/host/registrations", body);
    }

    private static FlowSettings.RouteLimits limits(double qps, double perUser, double perKey) {
        return new FlowSettings.RouteLimits(qps, perUser, perKey, 0.0, 0);
    }

    private static List<Integer> statuses(
            int calls, java.util.function.Supplier<TestHttp.Response> call, List<TestHttp.Response> refused) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            TestHttp.Response r = call.get();
            statuses.add(r.status());
            if (r.status() == 429) {
                refused.add(r);
            }
        }
        return statuses;
    }

    @Test
    void shouldLimitOneNoisyUserWithoutTouchingTheOthers() {
        rules.apply(new FlowSettings(Map.of("invite-codes", limits(0, 1, 0)), Map.of()));
        List<TestHttp.Response> refused = new ArrayList<>();

        List<Integer> noisy = statuses(6, () -> bearer("noisy").get("/api/v1/invites/mine"), refused);
        var quiet = bearer("quiet").get("/api/v1/invites/mine");

        assertThat(noisy).contains(200, 429);
        assertProblem(refused.get(0), 429, "RATE_LIMITED");
        assertThat(refused.get(0).header("Retry-After")).isEqualTo("1");
        assertThat(quiet.status()).isEqualTo(200);
    }

    @Test
    void shouldLimitEachApiKeySeparately() {
        rules.apply(new FlowSettings(Map.of("host-registrations", limits(0, 0, 1)), Map.of()));
        List<TestHttp.Response> refused = new ArrayList<>();

        List<Integer> busy = statuses(6, () -> hostPost("brand-a", "{}"), refused);
        var other = hostPost("brand-b", "{}");

        assertThat(busy).contains(200, 429);
        assertProblem(refused.get(0), 429, "RATE_LIMITED");
        assertThat(other.status()).isEqualTo(200);
    }

    @Test
    void shouldLimitAWholeRoute() {
        rules.apply(new FlowSettings(Map.of("share-link", limits(1, 0, 0)), Map.of()));
        List<TestHttp.Response> refused = new ArrayList<>();

        List<Integer> opened = statuses(6, () -> gateway().get("/s/ABCDEFGH"), refused);

        assertThat(opened).contains(302, 429);
        assertProblem(refused.get(0), 429, "RATE_LIMITED");
        assertThat(bearer("u-1").get("/api/v1/invites/mine").status()).isEqualTo(200);
    }

    @Test
    void shouldOpenTheBreakerOfAFailingServiceAndCloseItWhenTheServiceRecovers() {
        rules.apply(new FlowSettings(Map.of(), Map.of("invite-service", new FlowSettings.Breaker(0.5, 3, 10, 1))));
        FAILING.set(true);
        for (int i = 0; i < 3; i++) {
            assertProblem(bearer("u-1").get("/api/v1/invites/mine"), 502, "DOWNSTREAM_FAILED");
        }
        SERVICE.clear();

        var open = bearer("u-1").get("/api/v1/invites/mine");
        assertProblem(open, 503, "DOWNSTREAM_CIRCUIT_OPEN");
        assertThat(open.header("Retry-After")).isEqualTo("1");
        assertProblem(gateway().get("/s/ABCDEFGH"), 503, "DOWNSTREAM_CIRCUIT_OPEN");
        assertThat(SERVICE.received()).isEmpty();

        FAILING.set(false);
        // the breaker half-opens after its window (1 s); the first probe succeeds and closes it
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> bearer("u-1").get("/api/v1/invites/mine").status() == 200);
        assertThat(gateway().get("/s/ABCDEFGH").status()).isEqualTo(302);
    }

    @Test
    void shouldLimitEachUsersPosterRendersAsConfigured() {
        List<TestHttp.Response> refused = new ArrayList<>();
        List<Integer> fan = statuses(20, () -> bearer("poster-fan").get("/api/v1/posters/mine?campaignId=1"), refused);

        assertThat(fan).contains(200, 429);
        assertProblem(refused.get(0), 429, "RATE_LIMITED");
        // another user is not held back by the first one
        assertThat(bearer("poster-other")
                        .get("/api/v1/posters/mine?campaignId=1")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void shouldLetOnlyAdminsChangeTheRulesAtRunTime() {
        assertProblem(bearer("u-1").get("/api/v1/admin/gateway/flow-rules"), 403, "FORBIDDEN");
        assertProblem(bearer("op-1", "OPS").get("/api/v1/admin/gateway/flow-rules"), 403, "ROLE_REQUIRED");
        assertProblem(gateway().get("/api/v1/admin/gateway/flow-rules"), 401, "UNAUTHENTICATED");

        var changed = bearer("boss", "ADMIN")
                .send(
                        "PUT",
                        "/api/v1/admin/gateway/flow-rules",
                        Map.of("routes", Map.of("invite-codes", Map.of("perUserQps", 1)), "services", Map.of()));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(rules.current().routes().get("invite-codes").perUserQps()).isEqualTo(1);
        assertThat(statuses(6, () -> bearer("noisy").get("/api/v1/invites/mine"), new ArrayList<>()))
                .contains(429);

        var current = bearer("boss", "ADMIN").get("/api/v1/admin/gateway/flow-rules");
        assertThat(current.json()
                        .get("routes")
                        .get("invite-codes")
                        .get("perUserQps")
                        .asDouble())
                .isEqualTo(1);

        assertProblem(
                bearer("boss", "ADMIN")
                        .send(
                                "PUT",
                                "/api/v1/admin/gateway/flow-rules",
                                Map.of("routes", Map.of("invite-codes", Map.of("qps", -1)))),
                400,
                "VALIDATION_FAILED");

        var reset = bearer("boss", "ADMIN").send("DELETE", "/api/v1/admin/gateway/flow-rules", null);
        assertThat(reset.status()).isEqualTo(200);
        assertThat(rules.current().routes().get("invite-codes").perUserQps()).isEqualTo(20);
        assertThat(statuses(4, () -> bearer("noisy").get("/api/v1/invites/mine"), new ArrayList<>()))
                .containsOnly(200);
    }
}
