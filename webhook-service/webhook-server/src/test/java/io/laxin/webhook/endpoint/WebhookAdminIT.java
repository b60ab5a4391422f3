package io.laxin.webhook.endpoint;

import static io.laxin.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.Role;
import io.laxin.testsupport.LaxinIntegrationTest;
import io.laxin.testsupport.TestHttp;
import io.laxin.webhook.Receiver;
import io.laxin.webhook.delivery.application.Dispatching;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The admin API as production runs it: https only, private addresses refused (at registration and before each send),
 * ADMIN staff only, bad input refused with problem+json and nothing written.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=webhook-service",
            // its own consumer group: two contexts of one group on different test topics would split each other's
            // queues
            "spring.application.name=webhook-admin-it",
            "laxin.webhook.max-endpoints=4",
            "laxin.webhook.dispatcher.enabled=false"
        })
@LaxinIntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebhookAdminIT {

    static final String ENDPOINTS = "/api/v1/admin/webhooks/endpoints";
    /** A public address literal: registration needs no DNS, and nothing is sent to it here. */
    static final String PUBLIC_URL = "https://1.1.1.1/laxin/webhooks";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Dispatching dispatching;

    private TestHttp as(Caller caller) {
        return TestHttp.at("http://127.0.0.1:" + port).as(caller);
    }

    private TestHttp admin() {
        return as(Caller.staff("admin-1", Role.ADMIN));
    }

    private long written() {
        return jdbc.queryForObject(
                "SELECT (SELECT COUNT(*) FROM webhook_endpoint) " + "+ (SELECT COUNT(*) FROM idempotency_record)",
                Long.class);
    }

    private static Map<String, Object> endpoint(String url, List<String> types) {
        return Map.of("url", url, "description", "brand backend", "eventTypes", types);
    }

    @Test
    @Order(1)
    void shouldRefuseCallersWithoutTheGatewayIdentityOrTheAdminRoleBeforeReadingTheBody() {
        long before = written();
        var direct = TestHttp.at("http://127.0.0.1:" + port)
                .header("Idempotency-Key", "k1")
                .post(ENDPOINTS, endpoint(PUBLIC_URL, List.of("reward.paid")));
        assertProblem(direct, 401, "UNAUTHENTICATED");
        assertProblem(TestHttp.at("http://127.0.0.1:" + port).get(ENDPOINTS), 401, "UNAUTHENTICATED");
        // OPS and FINANCE staff, end users and hosts are not webhook admins; an invalid body changes nothing
        assertProblem(as(Caller.staff("ops-1", Role.OPS, Role.FINANCE)).post(ENDPOINTS, "{not json"), 403, "FORBIDDEN");
        assertProblem(as(Caller.staff("ops-1", Role.OPS)).post(ENDPOINTS, Map.of("url", "")), 403, "FORBIDDEN");
        assertProblem(as(Caller.user("alice")).get(ENDPOINTS), 403, "FORBIDDEN");
        assertProblem(as(Caller.host("brand")).get(ENDPOINTS + "/1/deliveries"), 403, "FORBIDDEN");
        assertProblem(as(Caller.service("reward-service")).post(ENDPOINTS + "/1/ping", null), 403, "FORBIDDEN");
        assertThat(written()).isEqualTo(before);
    }

    @Test
    @Order(2)
    void shouldRefuseBadInputWithProblemsAndWriteNothing() {
        long before = written();
        TestHttp admin = admin().header("Idempotency-Key", UUID.randomUUID().toString());
        assertProblem(admin.post(ENDPOINTS, Map.of("eventTypes", List.of("reward.paid"))), 400, "VALIDATION_FAILED");
        assertProblem(admin.post(ENDPOINTS, endpoint(PUBLIC_URL, List.of())), 400, "VALIDATION_FAILED");
        assertProblem(admin.post(ENDPOINTS, "{\"url\":"), 400, "MALFORMED_REQUEST");
        assertProblem(
                admin.post(ENDPOINTS, endpoint(PUBLIC_URL, List.of("reward.paid", "order.paid"))),
                400,
                "EVENT_TYPE_UNKNOWN");
        assertProblem(admin.post(ENDPOINTS, endpoint(PUBLIC_URL, List.of("webhook.ping"))), 400, "EVENT_TYPE_UNKNOWN");
        var http = admin.post(ENDPOINTS, endpoint("http://1.1.1.1/hook", List.of("reward.paid")));
        assertProblem(http, 400, "ENDPOINT_URL_NOT_ALLOWED");
        assertThat(http.json().get("detail").asString()).contains("https://");
        assertProblem(
                admin.post(ENDPOINTS, endpoint("https://user:pw@1.1.1.1/hook", List.of("reward.paid"))),
                400,
                "ENDPOINT_URL_NOT_ALLOWED");
        assertProblem(
                admin.post(ENDPOINTS, endpoint("not a url", List.of("reward.paid"))), 400, "ENDPOINT_URL_NOT_ALLOWED");
        assertThat(written()).isEqualTo(before);
    }

    @Test
    @Order(3)
    void shouldRefuseUrlsOnPrivateLoopbackAndLinkLocalAddresses() {
        long before = written();
        for (String url : List.of(
                "https://10.0.0.1/hook",
                "https://127.0.0.1/hook",
                "https://169.254.169.254/latest/meta-data",
                "https://[::1]/hook",
                "https://[::ffff:10.0.0.1]/hook",
                "https://localhost:8443/hook",
                "https://100.64.0.1/hook",
                "https://192.168.0.10/hook")) {
            var r = admin().post(ENDPOINTS, endpoint(url, List.of("reward.paid")));
            assertProblem(r, 400, "ENDPOINT_URL_NOT_ALLOWED");
            assertThat(r.json().get("detail").asString()).as(url).contains("is not allowed");
        }
        assertThat(written()).isEqualTo(before);
    }

    @Test
    @Order(4)
    void shouldRegisterShowTheSecretOnceAndChangeAnEndpoint() {
        String key = UUID.randomUUID().toString();
        var created = admin().header("Idempotency-Key", key)
                .post(
                        ENDPOINTS,
                        endpoint(PUBLIC_URL, List.of("reward.released", "referral.attributed", "reward.released")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        String secret = created.json().get("secret").asString();
        assertThat(secret).startsWith("whsec_").hasSizeGreaterThan(40);
        assertThat(created.json().get("maskedSecret").asString())
                .isEqualTo("whsec_…" + secret.substring(secret.length() - 4));
        assertThat(created.json()
                        .get("eventTypes")
                        .valueStream()
                        .map(JsonNode::asString)
                        .toList())
                .containsExactly("reward.released", "referral.attributed");
        assertThat(created.json().get("createdBy").asString()).isEqualTo("admin-1");

        // a retried registration answers the first; the same key with another body is refused
        var replay = admin().header("Idempotency-Key", key)
                .post(
                        ENDPOINTS,
                        endpoint(PUBLIC_URL, List.of("reward.released", "referral.attributed", "reward.released")));
        assertThat(replay.json().get("id").asLong()).isEqualTo(id);
        assertProblem(
                admin().header("Idempotency-Key", key).post(ENDPOINTS, endpoint(PUBLIC_URL, List.of("reward.paid"))),
                422,
                "IDEMPOTENCY_KEY_REUSED");

        JsonNode read = admin().get(ENDPOINTS + "/" + id).json();
        assertThat(read.get("secret").isNull()).isTrue();
        assertThat(read.get("maskedSecret").asString())
                .isEqualTo(created.json().get("maskedSecret").asString());
        assertThat(admin().get(ENDPOINTS)
                        .json()
                        .valueStream()
                        .map(e -> e.get("id").asLong())
                        .toList())
                .contains(id);
        assertThat(admin().get(ENDPOINTS).text()).doesNotContain(secret);

        var changed = admin().send(
                        "PATCH",
                        ENDPOINTS + "/" + id,
                        Map.of("url", "https://8.8.8.8/hooks/v2", "eventTypes", List.of("settlement.paid")));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("url").asString()).isEqualTo("https://8.8.8.8/hooks/v2");
        assertThat(changed.json().get("description").asString()).isEqualTo("brand backend");
        assertProblem(
                admin().send("PATCH", ENDPOINTS + "/" + id, Map.of("url", "https://10.1.1.1/h")),
                400,
                "ENDPOINT_URL_NOT_ALLOWED");
        assertProblem(
                admin().send("PATCH", ENDPOINTS + "/" + id, Map.of("eventTypes", List.of("nope"))),
                400,
                "EVENT_TYPE_UNKNOWN");
        assertThat(admin().get(ENDPOINTS + "/" + id).json().get("url").asString())
                .isEqualTo("https://8.8.8.8/hooks/v2");

        var rotated = admin().post(ENDPOINTS + "/" + id + "/rotate-secret", null);
        assertThat(rotated.json().get("secret").asString()).startsWith("whsec_").isNotEqualTo(secret);

        var disabled = admin().post(ENDPOINTS + "/" + id + "/disable", null);
        assertThat(disabled.json().get("enabled").asBoolean()).isFalse();
        assertThat(disabled.json().get("disabledReason").asString()).isEqualTo("Disabled by admin-1");
        assertProblem(admin().post(ENDPOINTS + "/" + id + "/ping", null), 409, "ENDPOINT_DISABLED");
        assertProblem(admin().get(ENDPOINTS + "/999999"), 404, "ENDPOINT_NOT_FOUND");
        assertProblem(admin().get("/api/v1/admin/webhooks/deliveries/999999"), 404, "DELIVERY_NOT_FOUND");
        assertProblem(admin().get(ENDPOINTS + "/" + id + "/deliveries?status=LOST"), 400, "VALIDATION_FAILED");
    }

    @Test
    @Order(5)
    void shouldRefuseToSendWhenTheHostNowResolvesToAPrivateAddress() throws Exception {
        try (Receiver receiver = Receiver.answering(200)) {
            // registered while public; its DNS now answers 127.0.0.1 (rebinding) — here: the stored URL changed
            long id = admin().post(ENDPOINTS, endpoint(PUBLIC_URL, List.of("reward.paid")))
                    .json()
                    .get("id")
                    .asLong();
            jdbc.update("UPDATE webhook_endpoint SET url = ? WHERE id = ?", receiver.url(), id);
            long delivery = admin().post(ENDPOINTS + "/" + id + "/ping", null)
                    .json()
                    .get("id")
                    .asLong();

            await().until(() -> {
                dispatching.runOnce();
                return jdbc.queryForObject(
                                "SELECT COUNT(*) FROM webhook_attempt WHERE delivery_id = ?", Long.class, delivery)
                        > 0;
            });
            JsonNode attempt = admin().get("/api/v1/admin/webhooks/deliveries/" + delivery)
                    .json()
                    .get("attempts")
                    .get(0);
            assertThat(attempt.get("responseCode").isNull()).isTrue();
            assertThat(attempt.get("error").asString())
                    .startsWith("Not sent: host 127.0.0.1 is not allowed")
                    .contains("loopback");
            assertThat(receiver.requests()).isEmpty();
        }
    }

    @Test
    @Order(6)
    void shouldRefuseMoreEndpointsThanConfigured() {
        while (jdbc.queryForObject("SELECT COUNT(*) FROM webhook_endpoint", Long.class) < 4) {
            assertThat(admin().post(ENDPOINTS, endpoint(PUBLIC_URL, List.of("reward.paid")))
                            .status())
                    .isEqualTo(201);
        }
        long before = written();
        assertProblem(
                admin().post(ENDPOINTS, endpoint(PUBLIC_URL, List.of("reward.paid"))), 409, "ENDPOINT_LIMIT_REACHED");
        assertThat(written()).isEqualTo(before);
    }
}
