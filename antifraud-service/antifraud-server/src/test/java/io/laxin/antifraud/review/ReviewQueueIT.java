package io.laxin.antifraud.review;

import static io.laxin.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.laxin.antifraud.AntifraudIT;
import io.laxin.antifraud.api.ScreeningApi;
import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.messaging.Topics;
import io.laxin.testsupport.RocketMqProbe;
import io.laxin.testsupport.TestHttp;
import io.laxin.testsupport.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class ReviewQueueIT extends AntifraudIT {

    @Autowired
    Topics topics;

    @Test
    void shouldOpenACaseForAReviewAndListItWithEvidenceFilteredAndPaged() {
        long campaign = newCampaign();
        long first = reviewCase(campaign, unique("emu1"));
        reviewCase(campaign, unique("emu2"));
        reviewCase(campaign, unique("emu3"));

        var page = asOps("op-1").get("/api/v1/admin/risk/cases?campaignId=" + campaign + "&ruleId=EMULATOR&size=2");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.json().get("total").asLong()).isEqualTo(3);
        assertThat(page.json().get("items").size()).isEqualTo(2);
        JsonNode item = page.json().get("items").get(0);
        assertThat(item.get("status").asString()).isEqualTo("OPEN");
        assertThat(item.get("evidence").get(0).get("ruleId").asString()).isEqualTo("EMULATOR");
        assertThat(asOps("op-1")
                        .get("/api/v1/admin/risk/cases?campaignId=" + campaign + "&size=2&page=1")
                        .json()
                        .get("items")
                        .size())
                .isEqualTo(1);
        assertThat(asOps("op-1")
                        .get("/api/v1/admin/risk/cases?campaignId=" + campaign + "&ruleId=TOO_FAST")
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
        assertThat(asOps("op-1")
                        .get("/api/v1/admin/risk/cases?campaignId=" + campaign + "&minScore=61")
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
        assertThat(asOps("op-1")
                        .get("/api/v1/admin/risk/cases?campaignId=" + campaign + "&minScore=60&maxScore=60")
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(3);
        assertThat(asOps("op-1")
                        .get("/api/v1/admin/risk/cases/" + first)
                        .json()
                        .get("audit")
                        .get(0)
                        .get("action")
                        .asString())
                .isEqualTo("OPENED");
        assertProblem(
                TestHttp.at("http://127.0.0.1:" + port)
                        .as(Caller.user("mallory"))
                        .get("/api/v1/admin/risk/cases"),
                403,
                "FORBIDDEN");
        assertProblem(asOps("op-1").get("/api/v1/admin/risk/cases/999999999"), 404, "CASE_NOT_FOUND");
    }

    @Test
    void shouldHoldAContestedAttributionForReviewWithTheOtherClaimantInTheEvidence() {
        long campaign = newCampaign();
        String invitee = unique("contested");
        Map<String, Object> body = new HashMap<>(Map.of(
                "campaignId",
                campaign,
                "referrerUserId",
                unique("toucher"),
                "inviteeUserId",
                invitee,
                "inviteeDeviceId",
                unique("d"),
                "ip",
                freshIp(),
                "contestedByUserId",
                "code-owner-b"));

        var r = asInviteService().post(ScreeningApi.PATH, body);

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("verdict").asString())
                .as("a clean registration, but two referrers claim it")
                .isEqualTo("REVIEW");
        var page =
                asOps("op-1").get("/api/v1/admin/risk/cases?campaignId=" + campaign + "&ruleId=CONTESTED_ATTRIBUTION");
        assertThat(page.json().get("total").asLong()).as(page.toString()).isEqualTo(1);
        JsonNode item = page.json().get("items").get(0);
        assertThat(item.get("inviteeUserId").asString()).isEqualTo(invitee);
        assertThat(item.get("evidence")).anySatisfy(e -> {
            assertThat(e.get("ruleId").asString()).isEqualTo("CONTESTED_ATTRIBUTION");
            assertThat(e.get("observed").asString()).isEqualTo("code-owner-b");
            assertThat(e.get("detail").asString()).contains("code-owner-b");
        });
    }

    @Test
    void shouldPublishTheDecisionThroughTheOutboxToTheBrokerAndAuditIt() {
        long campaign = newCampaign();
        String invitee = unique("emu");
        long id = reviewCase(campaign, invitee);
        try (var capture = new RocketMqProbe.Capture(TestInfrastructure.rocketMqNamesrv(), topics.risk())) {
            var r = asOps("op-9")
                    .header("Idempotency-Key", unique("key"))
                    .post(
                            "/api/v1/admin/risk/cases/" + id + "/decision",
                            Map.of("decision", "APPROVE", "note", "real phone, checked by call"));
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.json().get("status").asString()).isEqualTo("APPROVED");
            assertThat(r.json().get("changed").asBoolean()).isTrue();

            Map<String, Object> row = jdbc.queryForMap(
                    "SELECT event_id, tag, shard_key, payload FROM outbox_event " + "WHERE payload LIKE ?",
                    "%\"caseId\":" + id + ",%");
            assertThat(row.get("tag")).isEqualTo("RISK_DECIDED");
            assertThat(row.get("shard_key")).isEqualTo(invitee);
            String eventId = (String) row.get("event_id");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> !capture.withKey(eventId).isEmpty());
            JsonNode event = TestHttp.JSON.readTree(
                    new String(capture.withKey(eventId).get(0).getBody(), StandardCharsets.UTF_8));
            assertThat(event.get("verdict").asString()).isEqualTo("PASS");
            assertThat(event.get("campaignId").asLong()).isEqualTo(campaign);
            assertThat(event.get("inviteeUserId").asString()).isEqualTo(invitee);
            assertThat(event.get("decidedBy").asString()).isEqualTo("op-9");
            assertThat(event.get("schemaVersion").asInt()).isEqualTo(1);
            assertThat(event.get("producer").asString()).isEqualTo("antifraud-service");
            assertThat(event.get("screeningId").asString()).isNotBlank();
            assertThat(event.get("reasons").get(0).get("ruleId").asString()).isEqualTo("EMULATOR");
        }
        JsonNode decided = asOps("op-1").get("/api/v1/admin/risk/cases/" + id).json();
        assertThat(decided.get("decidedBy").asString()).isEqualTo("op-9");
        assertThat(decided.get("note").asString()).isEqualTo("real phone, checked by call");
        assertThat(decided.get("audit").get(1).get("action").asString()).isEqualTo("APPROVE");
        assertThat(decided.get("audit").get(1).get("actor").asString()).isEqualTo("op-9");

        // a retry answers the same; the opposite decision is refused and publishes nothing
        var again = asOps("op-9").post("/api/v1/admin/risk/cases/" + id + "/decision", Map.of("decision", "APPROVE"));
        assertThat(again.json().get("changed").asBoolean()).isFalse();
        assertProblem(
                asOps("op-2").post("/api/v1/admin/risk/cases/" + id + "/decision", Map.of("decision", "REJECT")),
                409,
                "CASE_ALREADY_DECIDED");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM outbox_event WHERE payload LIKE ?",
                        Long.class,
                        "%\"caseId\":" + id + ",%"))
                .isEqualTo(1);
        assertProblem(
                asOps("op-2").post("/api/v1/admin/risk/cases/" + id + "/decision", Map.of("note", "x")),
                400,
                "VALIDATION_FAILED");
    }

    @Test
    void shouldDecideManyCasesAtOnceEachOnItsOwn() {
        long campaign = newCampaign();
        long a = reviewCase(campaign, unique("a"));
        long b = reviewCase(campaign, unique("b"));
        var r = asOps("op-4")
                .post(
                        "/api/v1/admin/risk/cases/decisions",
                        Map.of("caseIds", List.of(a, b, 987654321L), "decision", "REJECT", "note", "same farm"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode outcomes = r.json().get("outcomes");
        assertThat(outcomes.get(0).get("status").asString()).isEqualTo("REJECTED");
        assertThat(outcomes.get(1).get("status").asString()).isEqualTo("REJECTED");
        assertThat(outcomes.get(2).get("problem").asString()).startsWith("CASE_NOT_FOUND");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM outbox_event WHERE tag = 'RISK_DECIDED' AND "
                                + "payload LIKE ? AND payload LIKE ?",
                        Long.class,
                        "%\"campaignId\":" + campaign + ",%",
                        "%\"verdict\":\"REJECT\"%"))
                .isEqualTo(2);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM risk_case_audit WHERE case_id IN (?, ?) AND action = "
                                + "'REJECT' AND actor = 'op-4' AND note = 'same farm'",
                        Long.class,
                        a,
                        b))
                .isEqualTo(2);
    }
}
