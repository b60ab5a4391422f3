package io.laxin.webhook.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.laxin.invite.api.event.ReferralEventTags;
import io.laxin.reward.api.event.RewardEventTags;
import io.laxin.webhook.NodeSnippet;
import io.laxin.webhook.Receiver;
import io.laxin.webhook.WebhookIT;
import io.laxin.webhook.api.WebhookHeaders;
import io.laxin.webhook.api.WebhookSignature;
import io.laxin.webhook.delivery.domain.Claim;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class WebhookDeliveryIT extends WebhookIT {

    @Test
    void shouldDeliverOnceAfterThreeFailuresWithFourLoggedAttemptsAndAValidSignature() throws Exception {
        try (Receiver receiver = Receiver.answering(200, 500, 500, 500)) {
            JsonNode endpoint = register(receiver.url(), "reward.released");
            long endpointId = endpoint.get("id").asLong();
            String secret = endpoint.get("secret").asString();
            String eventId = UUID.randomUUID().toString();

            publish(topics.reward(), RewardEventTags.RELEASED, eventId, rewardReleased(eventId, "alice"), 1);
            long deliveryId = deliveryOf(endpointId, eventId);
            dispatchUntil(() -> "DELIVERED".equals(status(deliveryId)));
            for (int i = 0; i < 3; i++) {
                dispatching.runOnce(); // nothing more goes out for a delivered event
            }

            assertThat(receiver.requests()).hasSize(4);
            var detail = asAdmin().get("/api/v1/admin/webhooks/deliveries/" + deliveryId);
            assertThat(detail.status()).as(detail.toString()).isEqualTo(200);
            JsonNode attempts = detail.json().get("attempts");
            assertThat(attempts).hasSize(4);
            assertThat(attempts.valueStream()
                            .map(a -> a.get("responseCode").asInt())
                            .toList())
                    .containsExactly(500, 500, 500, 200);
            assertThat(attempts.valueStream().map(a -> a.get("number").asInt()).toList())
                    .containsExactly(1, 2, 3, 4);
            assertThat(attempts.get(0).get("responseBody").asString())
                    .startsWith("{\"status\":500")
                    .hasSizeLessThanOrEqualTo(1024);
            assertThat(attempts.get(0).get("latencyMs").asLong()).isGreaterThanOrEqualTo(0);
            assertThat(detail.json().get("delivery").get("status").asString()).isEqualTo("DELIVERED");
            assertThat(detail.json().get("delivery").get("attempts").asInt()).isEqualTo(4);

            // what the brand receives: the envelope, the headers and a signature its code can check
            Receiver.Request last = receiver.requests().get(3);
            JsonNode body =
                    tools.jackson.databind.json.JsonMapper.builder().build().readTree(last.body());
            assertThat(body.get("id").asString()).isEqualTo(eventId);
            assertThat(body.get("type").asString()).isEqualTo("reward.released");
            assertThat(body.get("occurredAt").asString()).isEqualTo("2026-12-01T08:00:00Z");
            assertThat(body.get("data").get("userId").asString()).isEqualTo("alice");
            assertThat(body.get("data").get("amount").asLong()).isEqualTo(100);
            assertThat(last.header(WebhookHeaders.EVENT_ID)).isEqualTo(eventId);
            assertThat(last.header(WebhookHeaders.EVENT_TYPE)).isEqualTo("reward.released");
            assertThat(last.header(WebhookHeaders.DELIVERY_ID)).isEqualTo(Long.toString(deliveryId));
            assertThat(last.header("User-Agent")).isEqualTo("Laxin-Webhooks/1");
            assertThat(receiver.requests()).extracting(Receiver.Request::body).containsOnly(last.body());

            String signature = last.header(WebhookHeaders.SIGNATURE);
            assertThat(signature).matches("t=\\d+,v1=[0-9a-f]{64}");
            assertThat(WebhookSignature.verify(signature, last.body(), secret)).isTrue();
            assertThat(WebhookSignature.verify(signature, last.body().replace("alice", "mallory"), secret))
                    .isFalse();
            assertThat(NodeSnippet.verify(signature, last.body(), secret)).isTrue();
            assertThat(NodeSnippet.verify(signature, last.body().replace("alice", "mallory"), secret))
                    .isFalse();
        }
    }

    @Test
    void shouldDisableAnEndpointAfterTwentyFailuresInARowAndKeepItsDeliveriesForLater() throws Exception {
        try (Receiver receiver = Receiver.answering(500)) {
            long endpointId =
                    register(receiver.url(), "reward.released").get("id").asLong();
            String first = UUID.randomUUID().toString();
            String second = UUID.randomUUID().toString();
            publish(topics.reward(), RewardEventTags.RELEASED, first, rewardReleased(first, "bob"), 1);
            publish(topics.reward(), RewardEventTags.RELEASED, second, rewardReleased(second, "bob"), 1);

            dispatchUntil(() -> !endpoint(endpointId).get("enabled").asBoolean());
            for (int i = 0; i < 3; i++) {
                dispatching.runOnce(); // a disabled endpoint is sent nothing
            }

            JsonNode disabled = endpoint(endpointId);
            assertThat(disabled.get("disabledReason").asString())
                    .startsWith("20 consecutive failed deliveries; last: HTTP 500");
            assertThat(receiver.requests()).hasSize(20);
            assertThat(jdbc.queryForObject(
                            "SELECT COUNT(*) FROM webhook_attempt a JOIN webhook_delivery d "
                                    + "ON d.id = a.delivery_id WHERE d.endpoint_id = ?",
                            Long.class,
                            endpointId))
                    .isEqualTo(20);
            var log = asAdmin().get("/api/v1/admin/webhooks/endpoints/" + endpointId + "/deliveries?status=PENDING");
            assertThat(log.json().get("total").asLong()).as(log.toString()).isEqualTo(2);

            // the brand fixes its endpoint; enabling it resumes the waiting deliveries
            receiver.answerFromNowOn(204);
            var enabled = asAdmin().post("/api/v1/admin/webhooks/endpoints/" + endpointId + "/enable", null);
            assertThat(enabled.json().get("enabled").asBoolean()).isTrue();
            assertThat(enabled.json().get("disabledReason").isNull()).isTrue();
            assertThat(enabled.json().get("consecutiveFailures").asInt()).isZero();
            dispatchUntil(() -> "DELIVERED".equals(status(deliveryOf(endpointId, first)))
                    && "DELIVERED".equals(status(deliveryOf(endpointId, second))));
            assertThat(receiver.requests()).hasSize(22);
        }
    }

    @Test
    void shouldDeliverADuplicateEventOncePerEndpoint() throws Exception {
        try (Receiver a = Receiver.answering(200);
                Receiver b = Receiver.answering(200);
                Receiver other = Receiver.answering(200)) {
            long endpointA = register(a.url(), "referral.attributed").get("id").asLong();
            long endpointB = register(b.url(), "referral.attributed", "reward.released")
                    .get("id")
                    .asLong();
            register(other.url(), "reward.released"); // not subscribed to referrals
            String eventId = UUID.randomUUID().toString();
            String attributed = "{\"eventId\":\"" + eventId + "\",\"producer\":\"invite-service\","
                    + "\"occurredAt\":\"2026-12-01T09:00:00Z\",\"schemaVersion\":2,\"referralId\":41,\"campaignId\":5,"
                    + "\"policyVersion\":1,\"referrerUserId\":\"alice\",\"inviteeUserId\":\"bob\","
                    + "\"attributedAt\":\"2026-12-01T09:00:00Z\"}";

            publish(topics.referral(), ReferralEventTags.ATTRIBUTED, eventId, attributed, 2);
            dispatchUntil(() -> a.requests().size() == 1 && b.requests().size() == 1);
            for (int i = 0; i < 3; i++) {
                dispatching.runOnce();
            }

            assertThat(a.requests()).hasSize(1);
            assertThat(b.requests()).hasSize(1);
            assertThat(other.requests()).isEmpty();
            assertThat(a.requests().get(0).header(WebhookHeaders.EVENT_TYPE)).isEqualTo("referral.attributed");
            // schema version 2: the facts a host needs, as invite-service wrote them
            JsonNode data = tools.jackson.databind.json.JsonMapper.builder()
                    .build()
                    .readTree(a.requests().get(0).body())
                    .get("data");
            assertThat(data.get("referralId").asLong()).isEqualTo(41);
            assertThat(data.get("campaignId").asLong()).isEqualTo(5);
            assertThat(data.get("policyVersion").asInt()).isEqualTo(1);
            assertThat(data.get("inviteeUserId").asString()).isEqualTo("bob");
            assertThat(data.get("attributedAt").asString()).isEqualTo("2026-12-01T09:00:00Z");
            assertThat(jdbc.queryForObject(
                            "SELECT COUNT(*) FROM webhook_delivery WHERE event_id = ?", Long.class, eventId))
                    .isEqualTo(2);
            assertThat(status(deliveryOf(endpointA, eventId))).isEqualTo("DELIVERED");
            assertThat(status(deliveryOf(endpointB, eventId))).isEqualTo("DELIVERED");
        }
    }

    @Test
    void shouldSendAgainADeliveryWhoseClaimWasNeverRecorded() throws Exception {
        try (Receiver receiver = Receiver.answering(200)) {
            long endpointId =
                    register(receiver.url(), "reward.released").get("id").asLong();
            String eventId = UUID.randomUUID().toString();
            publish(topics.reward(), RewardEventTags.RELEASED, eventId, rewardReleased(eventId, "carol"), 1);
            long deliveryId = deliveryOf(endpointId, eventId);

            // a dispatcher claims it and dies before sending or recording anything
            List<Claim> claimed = dispatching.claim();
            assertThat(claimed).extracting(Claim::deliveryId).contains(deliveryId);

            dispatching.runOnce(); // the lease holds: nobody else sends it
            assertThat(receiver.requests()).isEmpty();
            assertThat(status(deliveryId)).isEqualTo("PENDING");

            CLOCK.advance(Duration.ofMinutes(1).plusSeconds(1)); // the lease (1 min here) runs out
            dispatchUntil(() -> "DELIVERED".equals(status(deliveryId)));
            assertThat(receiver.requests()).hasSize(1);
            assertThat(jdbc.queryForObject(
                            "SELECT COUNT(*) FROM webhook_attempt WHERE delivery_id = ?", Long.class, deliveryId))
                    .isEqualTo(1);
        }
    }

    @Test
    void shouldPingAndRedeliverOnRequest() throws Exception {
        try (Receiver receiver = Receiver.answering(200)) {
            long endpointId =
                    register(receiver.url(), "reward.released").get("id").asLong();
            var ping = asAdmin()
                    .header("Idempotency-Key", "ping-" + endpointId)
                    .post("/api/v1/admin/webhooks/endpoints/" + endpointId + "/ping", null);
            assertThat(ping.status()).as(ping.toString()).isEqualTo(202);
            long deliveryId = ping.json().get("id").asLong();
            assertThat(ping.json().get("eventType").asString()).isEqualTo("webhook.ping");
            var replay = asAdmin()
                    .header("Idempotency-Key", "ping-" + endpointId)
                    .post("/api/v1/admin/webhooks/endpoints/" + endpointId + "/ping", null);
            assertThat(replay.json().get("id").asLong()).isEqualTo(deliveryId);
            dispatchUntil(() -> "DELIVERED".equals(status(deliveryId)));
            assertThat(receiver.requests()).hasSize(1);
            assertThat(receiver.requests().get(0).body())
                    .contains("\"type\":\"webhook.ping\"")
                    .contains("\"data\":{\"endpointId\":" + endpointId + "}");

            var again = asAdmin()
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .post("/api/v1/admin/webhooks/deliveries/" + deliveryId + "/redeliver", null);
            assertThat(again.status()).as(again.toString()).isEqualTo(202);
            assertThat(again.json().get("status").asString()).isEqualTo("PENDING");
            dispatchUntil(() -> receiver.requests().size() == 2 && "DELIVERED".equals(status(deliveryId)));
            assertThat(receiver.requests().get(1).body())
                    .isEqualTo(receiver.requests().get(0).body());
            assertThat(receiver.requests().get(1).header(WebhookHeaders.EVENT_ID))
                    .isEqualTo(receiver.requests().get(0).header(WebhookHeaders.EVENT_ID));
            assertThat(asAdmin()
                            .get("/api/v1/admin/webhooks/deliveries/" + deliveryId)
                            .json()
                            .get("attempts"))
                    .hasSize(2);
        }
    }

    private String status(long deliveryId) {
        return jdbc.queryForObject("SELECT status FROM webhook_delivery WHERE id = ?", String.class, deliveryId);
    }

    private JsonNode endpoint(long id) {
        return asAdmin().get("/api/v1/admin/webhooks/endpoints/" + id).json();
    }
}
