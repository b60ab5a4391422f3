package io.laxin.reward.reward;

import static io.laxin.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.laxin.invite.api.event.ReferralAttributedEvent;
import io.laxin.invite.api.event.ReferralEventTags;
import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.Role;
import io.laxin.kernel.messaging.MessageDelivery;
import io.laxin.kernel.messaging.ParkedMessage;
import io.laxin.kernel.messaging.ParkedMessages;
import io.laxin.reward.RewardItSupport;
import io.laxin.testsupport.RocketMqProbe;
import io.laxin.testsupport.TestHttp;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Messages the referral consumer gives up on are parked in reward-service's own database, counted, acknowledged
 * (not left to the broker's DLQ), shown to operations and replayed by them — exactly once. One redelivery here
 * (max-reconsume-times 1), so the second attempt is the last.
 */
@TestPropertySource(properties = "laxin.messaging.max-reconsume-times=1")
class ParkedMessagesIT extends RewardItSupport {

    private static final String CONSUMER = "reward-service-referral-rewards";
    private static final String PARKED = "/api/v1/admin/reward-service/parked-messages";

    @Autowired
    MeterRegistry meters;

    @Autowired
    ParkedMessages parkedMessages;

    private double parkedCount() {
        Counter c = meters.find(MessageDelivery.PARKED_METRIC)
                .tag("consumer", CONSUMER)
                .counter();
        return c == null ? 0 : c.count();
    }

    private long rewardsOfReferral(long referralId) {
        return count("SELECT COUNT(*) FROM reward WHERE referral_id = ?", referralId);
    }

    private long parkedId(String eventId) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> count("SELECT COUNT(*) FROM parked_message WHERE event_id = ?", eventId) == 1);
        return jdbc.queryForObject("SELECT id FROM parked_message WHERE event_id = ?", Long.class, eventId);
    }

    private TestHttp ops() {
        return http().as(Caller.staff("op", Role.OPS));
    }

    @Test
    void shouldParkAMessageThatFailsOnItsLastAttemptAndApplyItOnceWhenReplayedAfterTheCauseIsFixed() {
        long referral = nextId();
        ReferralAttributedEvent event =
                attributed(referral, referral, "pam", "quin", policy(500, 300, 7), CLOCK.instant());
        FAILING.add(event.eventId());
        double countedBefore = parkedCount();

        deliver(event);

        long id = parkedId(event.eventId());
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM parked_message WHERE id = ?", id);
        assertThat(row.get("consumer")).isEqualTo(CONSUMER);
        assertThat(row.get("topic")).isEqualTo(topics.referral());
        assertThat(row.get("tags")).isEqualTo(ReferralEventTags.ATTRIBUTED);
        assertThat(row.get("message_keys")).isEqualTo(event.eventId());
        assertThat((String) row.get("reason"))
                .isEqualTo("java.lang.IllegalStateException: test: the reward store " + "refuses event "
                        + event.eventId());
        assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(2);
        assertThat(row.get("replayed_at")).isNull();
        assertThat(parkedCount()).isEqualTo(countedBefore + 1);
        assertThat(rewardsOfReferral(referral)).isZero();
        assertThat(count("SELECT COUNT(*) FROM processed_event WHERE event_id = ?", event.eventId()))
                .isZero();

        // operations see it, with its reason
        JsonNode list =
                ops().get(PARKED + "?consumer=" + CONSUMER + "&state=PARKED").json();
        assertThat(list.get("items").findValuesAsString("eventId")).contains(event.eventId());
        assertThat(list.get("items").get(0).get("reason").asString()).contains("refuses event");

        // a replay while the cause is still there keeps it parked, with the new reason
        JsonNode failed = ops().post(PARKED + "/" + id + "/replay", Map.of()).json();
        assertThat(failed.get("state").asString()).isEqualTo("PARKED");
        assertThat(failed.get("replayOutcome").asString()).isEqualTo("FAILED");
        assertThat(failed.get("attempts").asInt()).isEqualTo(3);
        assertThat(rewardsOfReferral(referral)).isZero();

        // the cause is fixed: the replay applies it, once
        FAILING.remove(event.eventId());
        TestHttp.Response replayed = ops().post(PARKED + "/" + id + "/replay", Map.of());
        assertThat(replayed.status()).as(replayed.toString()).isEqualTo(200);
        assertThat(replayed.json().get("state").asString()).isEqualTo("REPLAYED");
        assertThat(replayed.json().get("replayOutcome").asString()).isEqualTo("REPLAYED");
        assertThat(rewardsOfReferral(referral)).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM processed_event WHERE event_id = ?", event.eventId()))
                .isEqualTo(1);

        // and not twice: the replayed message is not replayed again, not even by a bulk replay of its consumer
        assertProblem(ops().post(PARKED + "/" + id + "/replay", Map.of()), 409, "CONFLICT");
        TestHttp.Response bulk = ops().post(PARKED + "/replay?consumer=" + CONSUMER, Map.of());
        assertThat(bulk.status()).as(bulk.toString()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT attempts FROM parked_message WHERE id = ?", Integer.class, id))
                .isEqualTo(4);
        assertThat(rewardsOfReferral(referral)).isEqualTo(2);
        assertThat(count(
                        "SELECT COUNT(*) FROM ledger_entry e JOIN reward r ON r.id = e.reward_id "
                                + "WHERE r.referral_id = ? AND e.posting_type = 'ISSUE'",
                        referral))
                .isEqualTo(4);

        // a concurrent replay that failed after this one applied it does not mark it failed
        parkedMessages.replayFailed(id, "test: a late failure of a concurrent replay");
        assertThat(parkedMessages.find(id).orElseThrow().replayOutcome()).isEqualTo("REPLAYED");
    }

    @Test
    void shouldParkAPayloadOfAnUnknownSchemaVersionAtOnceAndKeepItParkedWhenReplayedInBulk() {
        String eventId = java.util.UUID.randomUUID().toString();
        RocketMqProbe.send(
                namesrv,
                topics.referral(),
                ReferralEventTags.ATTRIBUTED,
                eventId,
                "{\"eventId\":\"" + eventId + "\",\"schemaVersion\":99,\"referralId\":" + nextId() + "}");

        long id = parkedId(eventId);
        Map<String, Object> row = jdbc.queryForMap("SELECT reason, attempts FROM parked_message WHERE id = ?", id);
        assertThat((String) row.get("reason"))
                .contains("UnsupportedSchemaVersion")
                .contains("schemaVersion 99");
        assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(1);

        JsonNode bulk = http().as(Caller.staff("root", Role.ADMIN))
                .post(PARKED + "/replay?consumer=" + CONSUMER + "&limit=500", Map.of())
                .json();
        assertThat(bulk.get("failed").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(bulk.get("stillParked").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT replay_outcome FROM parked_message WHERE id = ?", String.class, id))
                .isEqualTo("FAILED");
    }

    @Test
    void shouldLetOnlyOperationsSeeAndReplayParkedMessages() {
        assertProblem(http().get(PARKED), 401, "UNAUTHENTICATED");
        assertProblem(http().as(Caller.user("quin")).get(PARKED), 403, "FORBIDDEN");
        assertProblem(http().as(Caller.user("quin")).post(PARKED + "/1/replay", Map.of()), 403, "FORBIDDEN");
        assertProblem(
                http().as(Caller.user("quin")).post(PARKED + "/replay?consumer=" + CONSUMER, Map.of()),
                403,
                "FORBIDDEN");
        assertProblem(http().as(Caller.staff("fin", Role.FINANCE)).get(PARKED), 403, "FORBIDDEN");
        assertThat(http().as(Caller.staff("root", Role.ADMIN)).get(PARKED).status())
                .isEqualTo(200);
        assertThat(ops().get(PARKED + "?state=REPLAYED").status()).isEqualTo(200);
        assertProblem(ops().get(PARKED + "?state=LOST"), 400, "VALIDATION_FAILED");
        assertProblem(ops().post(PARKED + "/replay", Map.of()), 400, "VALIDATION_FAILED");
        assertProblem(ops().post(PARKED + "/999999999/replay", Map.of()), 404, "NOT_FOUND");
    }

    @Test
    void shouldKeepOneRowWhenTheSameMessageIsParkedAgainAfterItsAcknowledgementWasLost() {
        String msgId = "msg-" + nextId();
        long first = parkedMessages.park(new ParkedMessage.Parking(
                CONSUMER, topics.referral(), "ATTRIBUTED", "k", msgId, "e-" + msgId, "not json", "first reason", 17));

        long again = parkedMessages.park(new ParkedMessage.Parking(
                CONSUMER, topics.referral(), "ATTRIBUTED", "k", msgId, "e-" + msgId, "not json", "second reason", 18));

        assertThat(again).isEqualTo(first);
        assertThat(parkedMessages.find(first).orElseThrow()).satisfies(p -> {
            assertThat(p.reason()).isEqualTo("second reason");
            assertThat(p.attempts()).isEqualTo(18);
            assertThat(p.state()).isEqualTo(ParkedMessage.State.PARKED);
        });
    }
}
