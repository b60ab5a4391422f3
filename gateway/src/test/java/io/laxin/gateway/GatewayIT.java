package io.laxin.gateway;

import static io.laxin.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.laxin.gateway.auth.HostSignatures;
import io.laxin.gateway.auth.JwtTokens;
import io.laxin.kernel.api.CommonErrorCode;
import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.InternalRequest;
import io.laxin.kernel.identity.Role;
import io.laxin.testsupport.FakeService;
import io.laxin.testsupport.TestHttp;
import io.laxin.testsupport.TestInfrastructure;
import io.laxin.testsupport.TestKeys;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=gateway",
            "spring.main.web-application-type=reactive",
            "laxin.gateway.flow.log-dir=target/sentinel-logs",
            "laxin.gateway.cors.allowed-origins=https://h5.brand.example"
        })
class GatewayIT {

    static final String JWT_SECRET = TestInfrastructure.randomToken(32);
    static final String HOST_KEY = TestInfrastructure.randomToken(16);
    static final String SCOPED_HOST_KEY = TestInfrastructure.randomToken(16);
    static final FakeService SERVICE = FakeService.start();
    static final FakeService DOWN = FakeService.start();

    static {
        SERVICE.on("/api/v1/invites/mine", r -> FakeService.Answer.json(Map.of("ok", true)));
        SERVICE.on("/api/v1/admin/webhooks/endpoints", r -> FakeService.Answer.json(Map.of("ok", true)));
        SERVICE.on("/api/v1/admin/campaigns", r -> FakeService.Answer.json(Map.of("ok", true)));
        SERVICE.on("/api/v1/admin/settlements/7/approval", r -> FakeService.Answer.json(Map.of("ok", true)));
        SERVICE.on("/api/v1/host/registrations", r -> FakeService.Answer.json(Map.of("ok", true)));
        SERVICE.on(
                "/api/v1/rewards/mine",
                r -> new FakeService.Answer(
                        500, "text/html", "<html><body>java.lang.NullPointerException at Foo.java:12</body></html>"));
        SERVICE.on("/api/v1/rewards/forbidden", r -> new FakeService.Answer(403, "text/plain", "no"));
        SERVICE.on("/s/ABCDEFGH", r -> new FakeService.Answer(302, "text/plain", ""));
        SERVICE.on("/api/v1/public/scans", r -> FakeService.Answer.json(Map.of("counted", true)));
        DOWN.close();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        GatewayTestProperties.infrastructure(registry);
        registry.add("laxin.gateway.auth.jwt-hmac-secret", () -> JWT_SECRET);
        registry.add(
                "laxin.gateway.auth.host-api-keys",
                () -> "brand-a=" + HOST_KEY + ",brand-s=" + SCOPED_HOST_KEY + ";campaigns=15|12");
        GatewayTestProperties.services(registry, SERVICE::url, SERVICE::url, DOWN::url, SERVICE::url);
    }

    @AfterAll
    static void stop() {
        SERVICE.close();
    }

    @LocalServerPort
    int port;

    private final JwtTokens tokens = new JwtTokens(
            JWT_SECRET, "https://login.brand.example", "laxin", Duration.ofSeconds(60), Clock.systemUTC());

    private TestHttp gateway() {
        return TestHttp.at("http://127.0.0.1:" + port);
    }

    private TestHttp user(String id) {
        return gateway().bearer(tokens.mint(id, List.of(), Duration.ofMinutes(5)));
    }

    private TestHttp staff(String id, String... roles) {
        return gateway().bearer(tokens.mint(id, List.of(roles), Duration.ofMinutes(5)));
    }

    /** A host call signed as the brand's backend signs it. */
    private TestHttp.Response hostPost(String path, String body, Instant at, String nonce) {
        return hostPost("brand-a", HOST_KEY, path, body, at, nonce);
    }

    private TestHttp.Response hostPost(
            String keyId, String secret, String path, String body, Instant at, String nonce) {
        TestHttp http = gateway().header("X-Laxin-Campaigns", "1,2,3");
        for (var h : HostSignatures.sign(keyId, secret, "POST", path, body.getBytes(StandardCharsets.UTF_8), at, nonce)
                .entrySet()) {
            http = http.header(h.getKey(), h.getValue());
        }
        return http.post(path, body);
    }

    @BeforeEach
    void clear() {
        SERVICE.clear();
    }

    @Test
    void shouldPassAVerifiedUserOnAsASignedIdentityAndDropForgedHeaders() {
        var r = user("u-1")
                .header("X-Laxin-Caller", "STAFF:boss")
                .header("X-Laxin-Roles", "ADMIN")
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
    void shouldSignWhatItForwardsSoTheServiceVerifiesMethodPathQueryBodyAndItself() {
        String body = "{\"name\":\"Spring \u00e9\",\"n\":1}";
        var r = staff("ops-1", "OPS").send("POST", "/api/v1/admin/campaigns?b=2&a=%C3%A9", body);

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        FakeService.Received got = SERVICE.received().get(0);
        assertThat(got.body()).isEqualTo(body);
        assertThat(got.header("X-Laxin-Signature")).startsWith("v2,");
        byte[] bytes = got.body().getBytes(StandardCharsets.UTF_8);
        var forInvite = new InternalRequest("POST", got.path(), got.query(), bytes, "invite-service");
        // the same headers are good for nothing else: another body, query or service
        assertThat(TestKeys.verifier("invite-service")
                        .verify(
                                got::header,
                                new InternalRequest(
                                        "POST",
                                        got.path(),
                                        got.query(),
                                        "{}".getBytes(StandardCharsets.UTF_8),
                                        "invite-service"))
                        .caller())
                .isEmpty();
        assertThat(TestKeys.verifier("invite-service")
                        .verify(
                                got::header,
                                new InternalRequest("POST", got.path(), "b=3&a=%C3%A9", bytes, "invite-service"))
                        .caller())
                .isEmpty();
        assertThat(TestKeys.verifier("reward-service")
                        .verify(
                                got::header,
                                new InternalRequest("POST", got.path(), got.query(), bytes, "reward-service"))
                        .caller())
                .isEmpty();
        var invite = TestKeys.verifier("invite-service");
        assertThat(invite.verify(got::header, forInvite).caller()).contains(Caller.staff("ops-1", Role.OPS));
        assertThat(invite.verify(got::header, forInvite).code()).isEqualTo(CommonErrorCode.SIGNATURE_REPLAYED);
    }

    @Test
    void shouldSignAGetWithItsQueryAndAHostCallWithItsBodyForTheRoutesService() {
        user("u-7").get("/api/v1/invites/mine?campaignId=1&x=a%20b");
        String body = "{\"campaignId\":1,\"inviteeUserId\":\"i-1\",\"inviteCode\":\"ABCDEFGH\"}";
        hostPost("/api/v1/host/registrations?src=app", body, Instant.now(), HostSignatures.newNonce());

        var get = SERVICE.received().get(0);
        var host = SERVICE.received().get(1);
        assertThat(TestKeys.verifier("invite-service")
                        .verify(
                                get::header,
                                new InternalRequest("GET", get.path(), get.query(), new byte[0], "invite-service"))
                        .caller())
                .contains(Caller.user("u-7"));
        assertThat(TestKeys.verifier("invite-service")
                        .verify(
                                host::header,
                                new InternalRequest(
                                        "POST",
                                        host.path(),
                                        host.query(),
                                        body.getBytes(StandardCharsets.UTF_8),
                                        "invite-service"))
                        .caller())
                .contains(Caller.host("brand-a"));
    }

    @Test
    void shouldForwardAScopedKeysCampaignsSignedAndNoScopeForAnUnscopedOne() {
        String body = "{\"campaignId\":12,\"inviteeUserId\":\"i-1\",\"inviteCode\":\"ABCDEFGH\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        var r = hostPost(
                "brand-s",
                SCOPED_HOST_KEY,
                "/api/v1/host/registrations",
                body,
                Instant.now(),
                HostSignatures.newNonce());
        hostPost("/api/v1/host/registrations", body, Instant.now(), HostSignatures.newNonce());

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        var scoped = SERVICE.received().get(0);
        var unscoped = SERVICE.received().get(1);
        assertThat(scoped.header("X-Laxin-Campaigns")).isEqualTo("12,15");
        assertThat(unscoped.header("X-Laxin-Campaigns"))
                .as("a forged scope header is dropped")
                .isNull();
        var request = new InternalRequest("POST", scoped.path(), scoped.query(), bytes, "invite-service");
        var widened = new java.util.HashMap<String, String>();
        for (String name : io.laxin.kernel.identity.IdentityHeaders.ALL) {
            widened.put(name, scoped.header(name));
        }
        widened.put("X-Laxin-Campaigns", "12,15,99");
        assertThat(TestKeys.verifier("invite-service")
                        .verify(widened::get, request)
                        .caller())
                .as("a widened scope breaks the signature")
                .isEmpty();
        assertThat(TestKeys.verifier("invite-service")
                        .verify(scoped::header, request)
                        .caller())
                .contains(Caller.host("brand-s", java.util.Set.of(12L, 15L)));
        assertThat(TestKeys.verifier("invite-service")
                        .verify(
                                unscoped::header,
                                new InternalRequest("POST", unscoped.path(), unscoped.query(), bytes, "invite-service"))
                        .caller())
                .contains(Caller.host("brand-a"));
    }

    @Test
    void shouldRefuseABodyLargerThanItSignsWith413() {
        String huge = "{\"pad\":\"" + "x".repeat(1024 * 1024) + "\"}";

        assertProblem(staff("ops-1", "OPS").post("/api/v1/admin/campaigns", huge), 413, "BODY_TOO_LARGE");
        assertThat(SERVICE.received()).isEmpty();
    }

    @Test
    void shouldPassTheClientsRequestIdOnAndPutItInProblems() {
        var ok = user("u-1").header("X-Request-Id", "req-from-the-app-123").get("/api/v1/invites/mine");
        var refused = gateway().header("X-Request-Id", "req-from-the-app-456").get("/api/v1/invites/mine");

        assertThat(ok.header("X-Request-Id")).isEqualTo("req-from-the-app-123");
        assertThat(SERVICE.received().get(0).header("X-Request-Id")).isEqualTo("req-from-the-app-123");
        assertProblem(refused, 401, "UNAUTHENTICATED");
        assertThat(refused.json().get("requestId").asString()).isEqualTo("req-from-the-app-456");
    }

    @Test
    void shouldRefuseMissingExpiredForgedAndForeignTokens() {
        assertProblem(gateway().get("/api/v1/invites/mine"), 401, "UNAUTHENTICATED");
        JwtTokens past = new JwtTokens(
                JWT_SECRET,
                "https://login.brand.example",
                "laxin",
                Duration.ofSeconds(60),
                Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC));
        assertProblem(
                gateway()
                        .bearer(past.mint("u-1", List.of(), Duration.ofMinutes(5)))
                        .get("/api/v1/invites/mine"),
                401,
                "TOKEN_INVALID");
        JwtTokens otherKey = new JwtTokens(
                TestInfrastructure.randomToken(32),
                "https://login.brand.example",
                "laxin",
                Duration.ofSeconds(60),
                Clock.systemUTC());
        assertProblem(
                gateway()
                        .bearer(otherKey.mint("u-1", List.of(), Duration.ofMinutes(5)))
                        .get("/api/v1/invites/mine"),
                401,
                "TOKEN_INVALID");
        JwtTokens otherAudience = new JwtTokens(
                JWT_SECRET, "https://login.brand.example", "someone-else", Duration.ofSeconds(60), Clock.systemUTC());
        assertProblem(
                gateway()
                        .bearer(otherAudience.mint("u-1", List.of(), Duration.ofMinutes(5)))
                        .get("/api/v1/invites/mine"),
                401,
                "TOKEN_INVALID");
        JwtTokens otherIssuer =
                new JwtTokens(JWT_SECRET, "https://evil.example", "laxin", Duration.ofSeconds(60), Clock.systemUTC());
        assertProblem(
                gateway()
                        .bearer(otherIssuer.mint("u-1", List.of(), Duration.ofMinutes(5)))
                        .get("/api/v1/invites/mine"),
                401,
                "TOKEN_INVALID");
        assertProblem(gateway().bearer("not-a-jwt").get("/api/v1/invites/mine"), 401, "TOKEN_INVALID");
        assertProblem(
                gateway().header("Authorization", "Basic dTpw").get("/api/v1/invites/mine"), 401, "TOKEN_INVALID");
        assertThat(SERVICE.received()).isEmpty();
    }

    @Test
    void shouldKeepUsersOffAdminAndHostRoutes() {
        assertProblem(user("u-2").post("/api/v1/admin/campaigns", Map.of()), 403, "FORBIDDEN");
        assertProblem(user("u-2").post("/api/v1/host/registrations", Map.of()), 403, "FORBIDDEN");
        assertThat(SERVICE.received()).isEmpty();
    }

    @Test
    void shouldLetOnlyFinanceStaffApproveSettlements() {
        assertProblem(
                staff("op-1", "OPS").post("/api/v1/admin/settlements/7/approval", Map.of()), 403, "ROLE_REQUIRED");
        assertThat(SERVICE.received()).isEmpty();

        assertThat(staff("fin-1", "FINANCE")
                        .post("/api/v1/admin/settlements/7/approval", Map.of())
                        .status())
                .isEqualTo(200);
        assertThat(staff("boss", "ADMIN")
                        .post("/api/v1/admin/settlements/7/approval", Map.of())
                        .status())
                .isEqualTo(200);
        assertThat(SERVICE.received()).hasSize(2);
    }

    @Test
    void shouldPassStaffRolesAndSignedHostCallsOnWithTheBodyIntact() {
        var staff = staff("op-1", "OPS", "FINANCE").post("/api/v1/admin/campaigns", Map.of("name", "x"));
        String body = "{\"campaignId\":1,\"inviteeUserId\":\"bob\",\"inviteCode\":\"ABCDEFGH\"}";
        var host = hostPost("/api/v1/host/registrations", body, Instant.now(), HostSignatures.newNonce());

        assertThat(staff.status()).isEqualTo(200);
        assertThat(host.status()).as(host.toString()).isEqualTo(200);
        assertThat(SERVICE.received().get(0).header("X-Laxin-Caller")).isEqualTo("STAFF:op-1");
        assertThat(SERVICE.received().get(0).header("X-Laxin-Roles")).isEqualTo("FINANCE,OPS");
        FakeService.Received registration = SERVICE.received().get(1);
        assertThat(registration.header("X-Laxin-Caller")).isEqualTo("HOST:brand-a");
        assertThat(registration.body()).isEqualTo(body);
        assertThat(registration.header("X-Api-Key")).isNull();
        assertThat(registration.header("X-Signature")).isNull();
    }

    @Test
    void shouldRefuseAReplayedNonce() {
        String body = "{\"campaignId\":1}";
        String nonce = HostSignatures.newNonce();
        Instant at = Instant.now();

        assertThat(hostPost("/api/v1/host/registrations", body, at, nonce).status())
                .isEqualTo(200);
        assertProblem(hostPost("/api/v1/host/registrations", body, at, nonce), 401, "NONCE_REUSED");
        assertThat(SERVICE.received()).hasSize(1);
    }

    @Autowired
    ReactiveStringRedisTemplate redis;

    private List<String> redisKeys(String pattern) {
        return redis.scan(ScanOptions.scanOptions().match(pattern).count(1000).build())
                .collectList()
                .block();
    }

    @Test
    void shouldRefuseAReplayAfterRedisLostItsNoncesAndAcceptAFreshSignature() {
        String body = "{\"campaignId\":1}";
        String nonce = HostSignatures.newNonce();
        Instant at = Instant.now().minusSeconds(2);
        assertThat(hostPost("/api/v1/host/registrations", body, at, nonce).status())
                .isEqualTo(200);

        // Redis flushed or restarted empty: only this context's nonce keys go (Redis is shared). The key prefix is
        // read from the stored nonce (the registry's supplier draws a new random prefix on every read).
        List<String> used = redisKeys("lxt:*:gateway:nonce:brand-a:" + nonce);
        assertThat(used).hasSize(1);
        String prefix = used.get(0).substring(0, used.get(0).indexOf("gateway:nonce:"));
        List<String> keys = redisKeys(prefix + "gateway:nonce*");
        redis.delete(keys.toArray(String[]::new)).block();

        assertProblem(hostPost("/api/v1/host/registrations", body, at, nonce), 401, "TIMESTAMP_OUT_OF_RANGE");
        // a call signed in or after the second the gateway's nonce memory began again goes through
        assertThat(hostPost("/api/v1/host/registrations", body, Instant.now(), HostSignatures.newNonce())
                        .status())
                .isEqualTo(200);
        assertThat(SERVICE.received()).hasSize(2);
    }

    @Test
    void shouldRefuseAStaleOrFutureTimestamp() {
        assertProblem(
                hostPost(
                        "/api/v1/host/registrations",
                        "{}",
                        Instant.now().minus(Duration.ofMinutes(6)),
                        HostSignatures.newNonce()),
                401,
                "TIMESTAMP_OUT_OF_RANGE");
        assertProblem(
                hostPost(
                        "/api/v1/host/registrations",
                        "{}",
                        Instant.now().plus(Duration.ofMinutes(6)),
                        HostSignatures.newNonce()),
                401,
                "TIMESTAMP_OUT_OF_RANGE");
        assertThat(SERVICE.received()).isEmpty();
    }

    @Test
    void shouldRefuseABodyAlteredAfterSigning() {
        String path = "/api/v1/host/registrations";
        TestHttp http = gateway();
        for (var h : HostSignatures.sign(
                        "brand-a",
                        HOST_KEY,
                        "POST",
                        path,
                        "{\"inviteeUserId\":\"bob\"}".getBytes(StandardCharsets.UTF_8))
                .entrySet()) {
            http = http.header(h.getKey(), h.getValue());
        }

        assertProblem(http.post(path, "{\"inviteeUserId\":\"mallory\"}"), 401, "SIGNATURE_INVALID");
        assertThat(SERVICE.received()).isEmpty();
    }

    @Test
    void shouldRefuseUnsignedAndUnknownHostCalls() {
        assertProblem(
                gateway().header("X-Api-Key", "brand-a").post("/api/v1/host/registrations", Map.of()),
                401,
                "SIGNATURE_INVALID");
        assertProblem(
                gateway().header("X-Api-Key", HOST_KEY).post("/api/v1/host/registrations", Map.of()),
                401,
                "SIGNATURE_INVALID");
        TestHttp http = gateway();
        for (var h : HostSignatures.sign(
                        "brand-z",
                        HOST_KEY,
                        "POST",
                        "/api/v1/host/registrations",
                        "{}".getBytes(StandardCharsets.UTF_8))
                .entrySet()) {
            http = http.header(h.getKey(), h.getValue());
        }
        assertProblem(http.post("/api/v1/host/registrations", "{}"), 401, "API_KEY_UNKNOWN");
        assertThat(SERVICE.received()).isEmpty();
    }

    @Test
    void shouldLetAnyoneReportAScanButKeepTheRestOfTheApiClosed() {
        var scan = gateway().post("/api/v1/public/scans", Map.of("scene", "i=ABCDEFGH&c=poster"));
        var signedIn = user("u-scan").post("/api/v1/public/scans", Map.of("scene", "i=ABCDEFGH&c=qr"));

        assertThat(scan.status()).as(scan.toString()).isEqualTo(200);
        assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(200);
        assertThat(SERVICE.received().get(0).header("X-Laxin-Caller")).isEqualTo("ANONYMOUS:-");
        // a look-alike prefix is not public
        assertProblem(gateway().get("/api/v1/publicity/x"), 401, "UNAUTHENTICATED");
        assertProblem(gateway().get("/api/v1/public/%2e%2e/invites/mine"), 400, "VALIDATION_FAILED");
        assertThat(SERVICE.received()).hasSize(2);
    }

    @Test
    void shouldLetAnyoneOpenAShareLink() {
        var r = gateway().get("/s/ABCDEFGH?ch=poster");

        assertThat(r.status()).isEqualTo(302);
        assertThat(SERVICE.received().get(0).header("X-Laxin-Caller")).isEqualTo("ANONYMOUS:-");
    }

    @Test
    void shouldAnswerProblemsForUnknownRoutesAndDownServices() {
        assertProblem(user("u-3").get("/api/v1/nothing-here"), 404, "NOT_FOUND");
        assertProblem(gateway().get("/internal/screenings"), 404, "NOT_FOUND");
        assertProblem(user("u-3").get("/internal/risk-decisions/1"), 404, "NOT_FOUND");
        assertProblem(gateway().get("/internal/campaigns/1/policies/1"), 404, "NOT_FOUND");
        assertProblem(user("u-3").get("/api/v1/posters/mine"), 503, "DOWNSTREAM_UNAVAILABLE");
    }

    @Test
    void shouldWrapADownstreamErrorWithoutAProblemBodyAndPassProblemsThrough() {
        var failed = user("u-4").header("X-Request-Id", "req-wrapped-500x").get("/api/v1/rewards/mine");
        assertProblem(failed, 502, "DOWNSTREAM_FAILED");
        assertThat(failed.text()).doesNotContain("NullPointerException");
        assertThat(failed.json().get("requestId").asString()).isEqualTo("req-wrapped-500x");

        assertProblem(user("u-4").get("/api/v1/rewards/forbidden"), 403, "FORBIDDEN");

        var passed = user("u-4").get("/api/v1/rewards/unknown");
        assertThat(passed.status()).isEqualTo(404);
        assertThat(passed.text()).isEqualTo("{\"status\":404,\"code\":\"NOT_FOUND\"}");
    }

    @Test
    void shouldAnswerACorsPreflightForConfiguredOriginsOnly() {
        var allowed = gateway()
                .header("Origin", "https://h5.brand.example")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .send("OPTIONS", "/api/v1/invites/mine", null);
        var foreign = gateway()
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET")
                .send("OPTIONS", "/api/v1/invites/mine", null);

        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("https://h5.brand.example");
        assertThat(allowed.header("Access-Control-Allow-Headers")).containsIgnoringCase("authorization");
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.header("Access-Control-Allow-Origin")).isNull();
        assertThat(SERVICE.received()).isEmpty();

        var scan = gateway()
                .header("Origin", "https://h5.brand.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,x-device-id,idempotency-key,x-request-id")
                .send("OPTIONS", "/api/v1/public/scans", null);
        assertThat(scan.status()).isEqualTo(200);
        assertThat(scan.header("Access-Control-Allow-Headers"))
                .containsIgnoringCase("x-device-id")
                .containsIgnoringCase("idempotency-key");
        assertThat(SERVICE.received()).isEmpty();

        var actual = user("u-5").header("Origin", "https://h5.brand.example").get("/api/v1/invites/mine");
        assertThat(actual.header("Access-Control-Allow-Origin")).isEqualTo("https://h5.brand.example");
        assertThat(actual.header("Access-Control-Expose-Headers")).contains("X-Request-Id");
    }

    @Test
    void shouldServeTheConsoleWithLongLivedAssetsARevalidatedPageAndItsOwnRoutes() {
        var page = gateway().get("/console/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'");
        // the app's own routes (history mode) answer the same page
        var route = gateway().get("/console/campaigns/12");
        assertThat(route.status()).isEqualTo(200);
        assertThat(route.text()).isEqualTo(page.text());
        // hashed assets are cached for a year; a missing one is a 404, not the HTML page
        java.util.regex.Matcher asset = java.util.regex.Pattern.compile("/console/assets/[A-Za-z0-9_.-]+\\.js")
                .matcher(page.text());
        assertThat(asset.find()).as(page.text()).isTrue();
        var js = gateway().get(asset.group());
        assertThat(js.status()).isEqualTo(200);
        assertThat(js.header("Content-Type")).contains("javascript");
        assertThat(js.header("Cache-Control")).contains("max-age=31536000").contains("immutable");
        assertThat(gateway().get("/console/assets/missing-0000.js").status()).isEqualTo(404);
        assertThat(gateway().get("/console/%2e%2e/gateway.yml").status())
                .as("not canonical")
                .isEqualTo(400);
        var bare = gateway().get("/console");
        assertThat(bare.status()).isEqualTo(308);
        assertThat(bare.header("Location")).isEqualTo("/console/");
    }

    @Test
    void shouldTellTheConsoleHowToSignInWithoutAnySecret() {
        var config = gateway().get("/console/config.json");
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.header("Cache-Control")).isEqualTo("no-store");
        assertThat(config.json().get("login").asString()).isEqualTo("oidc");
        assertThat(config.json().get("oidc").get("rolesClaim").asString()).isEqualTo("roles");
        assertThat(config.json().get("timeZone").asString()).isEqualTo("Asia/Shanghai");
        assertThat(config.text()).doesNotContain(JWT_SECRET).doesNotContain(HOST_KEY);
        // the demo sign-in exists only where the local run adds it
        assertThat(gateway().get("/console/demo/users").text()).doesNotContain("fin-li");
    }

    @Test
    void shouldServeTheH5PageLikeTheConsoleWithItsOwnPolicyAndRoutes() {
        var page = gateway().get("/h5/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(page.header("Content-Security-Policy"))
                .contains("default-src 'self'")
                .contains("img-src 'self' data: blob:")
                .contains("frame-ancestors 'none'");
        assertThat(page.text()).contains("viewport-fit=cover").doesNotContain("/console/");
        // the landing page and the tabs are the app's own routes (history mode), with or without a query
        for (String route : List.of("/h5/landing?code=K7PX3MWQ&ch=poster", "/h5/rewards", "/h5/invitees?campaign=3")) {
            var r = gateway().get(route);
            assertThat(r.status()).as(route).isEqualTo(200);
            assertThat(r.text()).as(route).isEqualTo(page.text());
        }
        java.util.regex.Matcher asset = java.util.regex.Pattern.compile("/h5/assets/[A-Za-z0-9_.-]+\\.js")
                .matcher(page.text());
        assertThat(asset.find()).as(page.text()).isTrue();
        var js = gateway().get(asset.group());
        assertThat(js.status()).isEqualTo(200);
        assertThat(js.header("Content-Type")).contains("javascript");
        assertThat(js.header("Cache-Control")).contains("max-age=31536000").contains("immutable");
        assertThat(js.header("Content-Security-Policy")).isNull();
        assertThat(gateway().get("/h5/assets/missing-0000.js").status()).isEqualTo(404);
        assertThat(gateway().get("/h5/favicon.svg").header("Cache-Control")).isEqualTo("no-cache");
        var bare = gateway().get("/h5");
        assertThat(bare.status()).isEqualTo(308);
        assertThat(bare.header("Location")).isEqualTo("/h5/");
        // the console's pages and the H5 page's are not one another's
        assertThat(gateway().get("/console/").text()).isNotEqualTo(page.text());
        assertThat(SERVICE.received()).isEmpty();
    }

    @Test
    void shouldTellTheH5PageHowUsersSignInWithoutAnySecret() {
        var config = gateway().get("/h5/config.json");
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.header("Cache-Control")).isEqualTo("no-store");
        assertThat(config.json().get("login").asString()).isEqualTo("host");
        assertThat(config.json().get("locale").asString()).isEqualTo("zh-CN");
        assertThat(config.json().get("timeZone").asString()).isEqualTo("Asia/Shanghai");
        assertThat(config.json().get("campaignId").isNull()).isTrue();
        assertThat(config.text()).doesNotContain(JWT_SECRET).doesNotContain(HOST_KEY);
        // the demo sign-in of end users exists only where the local run adds it
        var demo =
                gateway().header("Content-Type", "application/json").post("/h5/demo/login", "{\"userId\":\"alice\"}");
        assertThat(demo.status()).isNotEqualTo(200);
        assertThat(gateway().get("/h5/demo/users").text()).doesNotContain("alice");
    }

    @Test
    void shouldDecideAccessOnThePathAsItIsRoutedNotAsItIsSpelt() {
        // /%61pi/... is routed as /api/...: it needs a caller like any /api/ path
        assertProblem(gateway().get("/%61pi/v1/rewards/mine"), 401, "UNAUTHENTICATED");
        assertProblem(user("u-9").get("/%61pi/v1/admin/campaigns"), 403, "FORBIDDEN");
        assertProblem(staff("op-9", "OPS").get("/api/v1/admin/%73ettlements/7/approval"), 403, "ROLE_REQUIRED");
        assertThat(SERVICE.received()).isEmpty();
    }

    @Test
    void shouldRefuseAPathThatCouldBeReadAsAnotherOne() {
        for (String path : List.of(
                "/api/v1/admin%2Fcampaigns",
                "/api/v1/invites/%2e%2e/admin/campaigns",
                "//api/v1/admin/campaigns",
                "/api/v1/%2561dmin/campaigns",
                "/api/v1/invites/mine%ff")) {
            assertProblem(staff("op-9", "OPS").get(path), 400, "VALIDATION_FAILED");
        }
        assertThat(SERVICE.received()).isEmpty();
    }

    @Test
    void shouldRefuseAWriteWithoutItsRoleBeforeTheBodyIsLookedAt() {
        // FINANCE may read campaigns but not write them: 403 whatever the body, and the service never sees it
        var refused = staff("fin-9", "FINANCE").post("/api/v1/admin/campaigns", "{\"name\":");
        assertProblem(refused, 403, "ROLE_REQUIRED");
        assertThat(refused.json().get("detail").asString())
                .contains("POST /api/v1/admin/campaigns")
                .contains("OPS");
        assertProblem(staff("op-9", "OPS").post("/api/v1/admin/settlements/7/approval", "{"), 403, "ROLE_REQUIRED");
        assertThat(SERVICE.received()).isEmpty();
        assertThat(staff("fin-9", "FINANCE").get("/api/v1/admin/campaigns").status())
                .isEqualTo(200);
        assertThat(staff("op-9", "OPS").post("/api/v1/admin/campaigns", "{}").status())
                .isEqualTo(200);
        assertThat(staff("boss", "ADMIN").post("/api/v1/admin/campaigns", "{}").status())
                .isEqualTo(200);
    }

    @Test
    void shouldRouteTheWebhookAdminApiForAdminsOnly() {
        assertProblem(staff("op-9", "OPS").post("/api/v1/admin/webhooks/endpoints", "{\"url\":"), 403, "ROLE_REQUIRED");
        assertProblem(staff("fin-9", "FINANCE").get("/api/v1/admin/webhooks/endpoints"), 403, "ROLE_REQUIRED");
        assertThat(SERVICE.received()).isEmpty();
        var admin = staff("boss", "ADMIN").get("/api/v1/admin/webhooks/endpoints");
        assertThat(admin.status()).as(admin.toString()).isEqualTo(200);
        assertThat(SERVICE.received().get(0).header("X-Laxin-Caller")).isEqualTo("STAFF:boss");
    }

    @Test
    void shouldServeTheAggregatedApiDocsWithOneEntryPerServiceAndItsOwnDocument() {
        var ui = gateway().get("/swagger-ui.html");
        assertThat(ui.status()).as(ui.toString()).isIn(301, 302, 307, 308);
        assertThat(ui.header("Location")).endsWith("/swagger-ui/index.html");
        assertThat(gateway()
                        .get(java.net.URI.create(ui.header("Location")).getPath())
                        .status())
                .isEqualTo(200);

        var config = gateway().get("/v3/gateway-docs/swagger-config");
        assertThat(config.status()).as(config.toString()).isEqualTo(200);
        List<String> urls = new java.util.ArrayList<>();
        config.json().get("urls").forEach(u -> urls.add(u.get("url").asString()));
        assertThat(urls)
                .containsExactlyInAnyOrder(
                        "/v3/api-docs/invite",
                        "/v3/api-docs/reward",
                        "/v3/api-docs/poster",
                        "/v3/api-docs/antifraud",
                        "/v3/api-docs/webhook",
                        "/v3/gateway-docs");

        var own = gateway().get("/v3/gateway-docs");
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().get("info").get("title").asString()).isEqualTo("Laxin gateway");
        assertThat(own.json().get("paths").properties())
                .isNotEmpty()
                .allMatch(p -> p.getKey().startsWith("/api/v1/admin/gateway/"));
    }
}
