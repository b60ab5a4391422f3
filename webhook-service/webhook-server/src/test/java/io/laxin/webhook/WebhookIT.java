package io.laxin.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.Role;
import io.laxin.kernel.messaging.Topics;
import io.laxin.testsupport.LaxinIntegrationTest;
import io.laxin.testsupport.MutableClock;
import io.laxin.testsupport.RocketMqProbe;
import io.laxin.testsupport.TestHttp;
import io.laxin.webhook.delivery.application.Dispatching;
import io.laxin.webhook.delivery.messaging.FanoutListener;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Base of the webhook ITs: real MariaDB, the in-process broker, receivers on 127.0.0.1 (so private addresses and
 * http are allowed here). The background dispatcher is off: each test runs dispatch rounds itself, so what is sent
 * when is under its control; retries wait ~0 (base = cap = 1 ms) and time can be moved with {@link #CLOCK}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=webhook-service",
            "laxin.webhook.allow-http=true",
            "laxin.webhook.allow-private-addresses=true",
            "laxin.webhook.max-endpoints=1000",
            "laxin.webhook.read-timeout=2s",
            "laxin.webhook.retry.base=1ms",
            "laxin.webhook.retry.cap=1ms",
            "laxin.webhook.dispatcher.enabled=false",
            "laxin.webhook.dispatcher.threads=1",
            "laxin.webhook.dispatcher.lease=1m"
        })
@LaxinIntegrationTest
@Import(WebhookIT.TestClock.class)
public abstract class WebhookIT {

    protected static final MutableClock CLOCK = new MutableClock();

    @TestConfiguration
    static class TestClock {
        @Bean
        Clock clock() {
            return CLOCK;
        }
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected Topics topics;

    @Autowired
    protected Dispatching dispatching;

    @Autowired
    protected FanoutListener fanout;

    @Value("${rocketmq.name-server}")
    protected String namesrv;

    /** Other tests' endpoints must not receive this test's events. */
    @AfterEach
    void disableEveryEndpoint() {
        jdbc.update(
                "UPDATE webhook_endpoint SET enabled = FALSE, disabled_reason = 'end of test' WHERE enabled = TRUE");
    }

    protected TestHttp asAdmin() {
        return TestHttp.at("http://127.0.0.1:" + port).as(Caller.staff("admin-1", Role.ADMIN));
    }

    /** Registers an endpoint through the admin API; answers its JSON (with the one-time secret). */
    protected JsonNode register(String url, String... eventTypes) {
        var r = asAdmin()
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .post(
                        "/api/v1/admin/webhooks/endpoints",
                        Map.of("url", url, "description", "test", "eventTypes", List.of(eventTypes)));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    /** Publishes a message as its producer would, and waits until the fan-out consumer has handled that many more. */
    protected void publish(String topic, String tag, String eventId, String json, int copies) {
        long before = fanout.handled();
        for (int i = 0; i < copies; i++) {
            RocketMqProbe.send(namesrv, topic, tag, eventId, json);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> fanout.handled() >= before + copies);
    }

    /** Runs dispatch rounds until the condition holds. */
    protected void dispatchUntil(java.util.concurrent.Callable<Boolean> done) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    dispatching.runOnce();
                    return done.call();
                });
    }

    protected long deliveryOf(long endpointId, String eventId) {
        return jdbc.queryForObject(
                "SELECT id FROM webhook_delivery WHERE endpoint_id = ? AND event_id = ?",
                Long.class,
                endpointId,
                eventId);
    }

    protected static String rewardReleased(String eventId, String userId) {
        return "{\"eventId\":\"" + eventId
                + "\",\"producer\":\"reward-service\",\"occurredAt\":\"2026-12-01T08:00:00Z\","
                + "\"schemaVersion\":1,\"rewardId\":77,\"campaignId\":5,\"referralId\":9,\"userId\":\"" + userId
                + "\",\"beneficiary\":\"REFERRER\",\"source\":\"REFERRAL\",\"kind\":\"POINTS\",\"amount\":100,"
                + "\"couponTemplateId\":null,\"status\":\"RELEASED\",\"reason\":null}";
    }
}
