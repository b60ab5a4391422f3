package io.laxin.antifraud.screening;

import static io.laxin.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.laxin.antifraud.AntifraudIT;
import io.laxin.antifraud.api.ScreeningApi;
import io.laxin.antifraud.screening.web.ScreeningGuard;
import io.laxin.kernel.identity.Caller;
import io.laxin.testsupport.TestHttp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class ScreeningIT extends AntifraudIT {

    @Autowired
    ScreeningGuard guard;

    private long screenings() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM screening", Long.class);
    }

    private static Map<String, Object> registration(
            long campaign, String referrer, String invitee, String device, String ip) {
        Map<String, Object> m = new HashMap<>();
        m.put("campaignId", campaign);
        m.put("referrerUserId", referrer);
        m.put("inviteeUserId", invitee);
        if (device != null) {
            m.put("inviteeDeviceId", device);
        }
        if (ip != null) {
            m.put("ip", ip);
        }
        return m;
    }

    private JsonNode screen(Map<String, Object> body) {
        var r = asInviteService().post(ScreeningApi.PATH, body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    static List<String> ruleIds(JsonNode decision) {
        List<String> ids = new ArrayList<>();
        decision.get("reasons").forEach(r -> ids.add(r.get("ruleId").asString()));
        return ids;
    }

    @Test
    void shouldPassAndStoreTheDecisionWithItsInputs() {
        var r = asInviteService()
                .post(
                        ScreeningApi.PATH,
                        Map.of(
                                "campaignId",
                                7,
                                "referrerUserId",
                                "alice",
                                "inviteeUserId",
                                unique("bob"),
                                "inviteeDeviceId",
                                "dev-b",
                                "ip",
                                "10.1.2.3"));

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("verdict").asString()).isEqualTo("PASS");
        String id = r.json().get("screeningId").asString();
        Map<String, Object> row = jdbc.queryForMap("SELECT verdict, inputs, subnet24 FROM screening WHERE id = ?", id);
        assertThat(row.get("verdict")).isEqualTo("PASS");
        assertThat((String) row.get("inputs")).contains("dev-b").contains("10.1.2.3");
        assertThat(row.get("subnet24")).isEqualTo("10.1.2.0/24");
    }

    @Test
    void shouldRejectSelfReferralWithItsReason() {
        var r = asInviteService()
                .post(ScreeningApi.PATH, Map.of("campaignId", 7, "referrerUserId", "carol", "inviteeUserId", "carol"));

        assertThat(r.json().get("verdict").asString()).isEqualTo("REJECT");
        assertThat(r.json().get("score").asInt()).isEqualTo(100);
        assertThat(r.json().get("reasons").get(0).get("ruleId").asString()).isEqualTo("SELF_REFERRAL");
    }

    @Test
    void shouldExplainAStoredVerdictToStaff() {
        long campaign = newCampaign();
        Map<String, Object> body = registration(campaign, unique("ref"), unique("inv"), unique("dev"), freshIp());
        body.put("emulator", true);
        body.put("inviteePhonePrefix", "170");
        JsonNode decision = screen(body);
        assertThat(decision.get("verdict").asString()).isEqualTo("REJECT");
        String id = decision.get("screeningId").asString();

        var r = asOps("op-1").get("/api/v1/admin/risk/screenings/" + id);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("verdict").asString()).isEqualTo("REJECT");
        assertThat(r.json().get("score").asInt()).isEqualTo(100);
        assertThat(ruleIds(r.json())).containsExactly("VIRTUAL_CARRIER", "EMULATOR");
        assertThat(r.json().get("reasons").get(0).get("observed").asString()).isEqualTo("170");
        assertThat(r.json().get("reasons").get(0).get("threshold").asString()).contains("170,171,162,165,167");
        assertThat(r.json().get("inputs").get("inviteeDeviceId").asString()).isEqualTo(body.get("inviteeDeviceId"));
        assertThat(r.json().get("inputs").get("emulator").asBoolean()).isTrue();

        assertProblem(asOps("op-1").get("/api/v1/admin/risk/screenings/nope"), 404, "SCREENING_NOT_FOUND");
        assertProblem(
                TestHttp.at("http://127.0.0.1:" + port)
                        .as(Caller.user("mallory"))
                        .get("/api/v1/admin/risk/screenings/" + id),
                403,
                "FORBIDDEN");
    }

    @Test
    void shouldRejectTheThirdInviteeOnOneDeviceCountedInRedis() {
        long campaign = newCampaign();
        String referrer = unique("ref");
        String device = unique("shared-dev");
        assertThat(screen(registration(campaign, referrer, unique("kid1"), device, freshIp()))
                        .get("verdict")
                        .asString())
                .isEqualTo("PASS");
        assertThat(screen(registration(campaign, referrer, unique("kid2"), device, freshIp()))
                        .get("verdict")
                        .asString())
                .isEqualTo("PASS");
        JsonNode third = screen(registration(campaign, referrer, unique("kid3"), device, freshIp()));
        assertThat(third.get("verdict").asString()).isEqualTo("REJECT");
        assertThat(ruleIds(third)).containsExactly("DEVICE_REUSE");
        // the same device in another campaign starts again
        assertThat(screen(registration(newCampaign(), referrer, unique("kid4"), device, freshIp()))
                        .get("verdict")
                        .asString())
                .isEqualTo("PASS");
    }

    @Test
    void shouldPassTwoFamilyMembersOnOneHomeIpAndCountARetryOnce() {
        long campaign = newCampaign();
        String home = freshIp();
        String referrer = unique("mum");
        String kid = unique("kid");
        assertThat(screen(registration(campaign, referrer, kid, unique("d"), home))
                        .get("verdict")
                        .asString())
                .isEqualTo("PASS");
        JsonNode dad = screen(registration(campaign, referrer, unique("dad"), unique("d"), home));
        assertThat(dad.get("verdict").asString()).isEqualTo("PASS");
        assertThat(dad.get("reasons")).isEmpty();
        for (int i = 0; i < 6; i++) { // invite-service retrying the same registration
            assertThat(screen(registration(campaign, referrer, kid, unique("d"), home))
                            .get("reasons"))
                    .isEmpty();
        }
    }

    @Test
    void shouldSeeWeChatSignalsAcrossScreenings() {
        long campaign = newCampaign();
        String phone = unique("phone-hash");
        Map<String, Object> first = registration(campaign, unique("ref"), unique("first"), null, freshIp());
        first.put("inviteePhoneHash", phone);
        assertThat(screen(first).get("reasons")).isEmpty();
        Map<String, Object> second = registration(campaign, unique("ref"), unique("second"), null, freshIp());
        second.put("inviteePhoneHash", phone);
        assertThat(ruleIds(screen(second))).containsExactly("PHONE_MOVED");

        String union = unique("union");
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Map<String, Object> r = registration(campaign, unique("ref"), unique("w"), null, freshIp());
            r.put("inviteeUnionid", union);
            r.put("inviteeOpenid", unique("openid"));
            seen.add(String.join(",", ruleIds(screen(r))));
        }
        assertThat(seen).containsExactly("", "", "", "UNIONID_MANY_OPENIDS");

        String openid = unique("openid");
        Instant t = Instant.parse("2026-10-01T08:00:00Z");
        Map<String, Object> a = registration(newCampaign(), unique("ref"), unique("o"), null, freshIp());
        a.put("inviteeOpenid", openid);
        a.put("registeredAt", t.toString());
        assertThat(screen(a).get("reasons")).isEmpty();
        Map<String, Object> b = registration(newCampaign(), unique("ref"), unique("o"), null, freshIp());
        b.put("inviteeOpenid", openid);
        b.put("registeredAt", t.plusSeconds(4).toString());
        assertThat(ruleIds(screen(b))).contains("OPENID_FRESH");
    }

    @Test
    void shouldApplyARuleChangeOnTheNextScreeningAndAuditIt() {
        long campaign = newCampaign();
        String ip = freshIp();
        String referrer = unique("ref");
        assertThat(screen(registration(campaign, referrer, unique("a"), unique("d"), ip))
                        .get("verdict")
                        .asString())
                .isEqualTo("PASS");

        var changed = asOps("op-7")
                .send(
                        "PUT",
                        "/api/v1/admin/risk/rules/IP_VELOCITY?campaignId=" + campaign,
                        Map.of("threshold", 1, "weight", 80));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("threshold").asLong()).isEqualTo(1);

        JsonNode next = screen(registration(campaign, referrer, unique("b"), unique("d"), ip));
        assertThat(next.get("verdict").asString()).isEqualTo("REJECT");
        assertThat(ruleIds(next)).containsExactly("IP_VELOCITY");
        // other campaigns keep the global setting
        String otherIp = freshIp();
        long other = newCampaign();
        screen(registration(other, referrer, unique("c"), unique("d"), otherIp));
        assertThat(screen(registration(other, referrer, unique("e"), unique("d"), otherIp))
                        .get("reasons"))
                .isEmpty();

        var audit = asOps("op-7").get("/api/v1/admin/risk/rules/audit?campaignId=" + campaign);
        assertThat(audit.status()).isEqualTo(200);
        JsonNode entry = audit.json().get(0);
        assertThat(entry.get("subject").asString()).isEqualTo("rule IP_VELOCITY");
        assertThat(entry.get("changedBy").asString()).isEqualTo("op-7");
        assertThat(entry.get("oldValue").asString()).contains("weight=30").contains("threshold=5");
        assertThat(entry.get("newValue").asString()).contains("weight=80").contains("threshold=1");
        assertThat(entry.get("changedAt").asString()).isNotBlank();

        var book = asOps("op-7")
                .get("/api/v1/admin/risk/rules?campaignId=" + campaign)
                .json();
        assertThat(book.get("reviewAt").asInt()).isEqualTo(55);
        assertThat(book.get("rules").size()).isEqualTo(16);
    }

    @Test
    void shouldApplyNewDecisionThresholdsOnTheNextScreening() {
        long campaign = newCampaign();
        Map<String, Object> rooted = registration(campaign, unique("ref"), unique("r"), unique("d"), freshIp());
        rooted.put("rooted", true);
        assertThat(screen(rooted).get("verdict").asString()).isEqualTo("PASS");
        var r = asOps("op-2")
                .send(
                        "PUT",
                        "/api/v1/admin/risk/rules/decision-thresholds?campaignId=" + campaign,
                        Map.of("reviewAt", 20, "rejectAt", 90));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        Map<String, Object> again = registration(campaign, unique("ref"), unique("r"), unique("d"), freshIp());
        again.put("rooted", true);
        assertThat(screen(again).get("verdict").asString()).isEqualTo("REVIEW");
    }

    @Test
    void shouldRefuseBadRuleChangesAndWriteNothing() {
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM risk_config_audit", Long.class);
        assertProblem(
                asOps("op").send("PUT", "/api/v1/admin/risk/rules/IP_VELOCITY", Map.of("weight", 500)),
                400,
                "RULE_SETTING_INVALID");
        assertProblem(
                asOps("op").send("PUT", "/api/v1/admin/risk/rules/NO_SUCH_RULE", Map.of("weight", 5)),
                404,
                "RULE_NOT_FOUND");
        assertProblem(
                asOps("op")
                        .send(
                                "PUT",
                                "/api/v1/admin/risk/rules/decision-thresholds",
                                Map.of("reviewAt", 80, "rejectAt", 60)),
                400,
                "THRESHOLDS_INVALID");
        assertProblem(
                asOps("op").send("PUT", "/api/v1/admin/risk/rules/VIRTUAL_CARRIER", Map.of("params", "17x")),
                400,
                "RULE_SETTING_INVALID");
        assertProblem(
                TestHttp.at("http://127.0.0.1:" + port)
                        .as(Caller.user("mallory"))
                        .send("PUT", "/api/v1/admin/risk/rules/IP_VELOCITY", Map.of("weight", 0)),
                403,
                "FORBIDDEN");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM risk_config_audit", Long.class))
                .isEqualTo(before);
    }

    @Test
    void shouldBlacklistADeviceThroughTheAdminApiAndLiftIt() {
        long campaign = newCampaign();
        String device = unique("bad-dev");
        var added = asOps("op-3")
                .header("Idempotency-Key", unique("k"))
                .post(
                        "/api/v1/admin/risk/rules/lists",
                        Map.of(
                                "list",
                                "BLACK",
                                "type",
                                "DEVICE",
                                "value",
                                device,
                                "reason",
                                "farm",
                                "expiresAt",
                                Instant.now().plusSeconds(3600).toString()));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        long entry = added.json().get("id").asLong();

        JsonNode blocked = screen(registration(campaign, unique("ref"), unique("x"), device, freshIp()));
        assertThat(blocked.get("verdict").asString()).isEqualTo("REJECT");
        assertThat(ruleIds(blocked)).containsExactly("BLACKLIST");

        assertThat(asOps("op-3")
                        .send("DELETE", "/api/v1/admin/risk/rules/lists/" + entry, null)
                        .status())
                .isEqualTo(204);
        assertThat(screen(registration(campaign, unique("ref"), unique("y"), device, freshIp()))
                        .get("verdict")
                        .asString())
                .isEqualTo("PASS");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM risk_config_audit WHERE new_value LIKE ? " + "OR old_value LIKE ?",
                        Long.class,
                        device + "%",
                        device + "%"))
                .isEqualTo(2);
        assertProblem(
                asOps("op-3")
                        .post(
                                "/api/v1/admin/risk/rules/lists",
                                Map.of("list", "BLACK", "type", "CIDR", "value", "10.0.0.0/99")),
                400,
                "LIST_ENTRY_INVALID");
        assertProblem(
                asOps("op-3").send("DELETE", "/api/v1/admin/risk/rules/lists/" + entry, null),
                404,
                "LIST_ENTRY_NOT_FOUND");
    }

    @Test
    void shouldAnswer429QuicklyWhenSentinelShedsLoad() {
        try {
            guard.configure(1, 0.5, 10_000, 10, 1000);
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                var r = asInviteService().post(ScreeningApi.PATH, registration(7, "a", unique("b"), null, null));
                statuses.add(r.status());
                if (r.status() == 429) {
                    assertProblem(r, 429, "SCREENING_OVERLOADED");
                }
            }
            assertThat(statuses).contains(429);
        } finally {
            guard.configure(2000, 0.5, 500, 10, 20);
        }
        assertThat(asInviteService()
                        .post(ScreeningApi.PATH, registration(7, "a", unique("b"), null, null))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void shouldRefuseMissingFieldsAndWriteNothing() {
        long before = screenings();
        var r = asInviteService().post(ScreeningApi.PATH, Map.of("campaignId", 7, "referrerUserId", "alice"));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(r.json().get("detail").asString()).contains("inviteeUserId");
        assertProblem(
                asInviteService()
                        .post(
                                ScreeningApi.PATH,
                                Map.of(
                                        "campaignId",
                                        7,
                                        "referrerUserId",
                                        "a",
                                        "inviteeUserId",
                                        "b",
                                        "inviteePhonePrefix",
                                        "13812345678")),
                400,
                "VALIDATION_FAILED");
        assertThat(screenings()).isEqualTo(before);
    }

    @Test
    void shouldRefuseACallThatSkippedTheGateway() {
        var r = TestHttp.at("http://127.0.0.1:" + port)
                .post(ScreeningApi.PATH, Map.of("campaignId", 7, "referrerUserId", "a", "inviteeUserId", "b"));

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("code").asString()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void shouldRefuseAnEndUserCallingTheInternalEndpoint() {
        var r = TestHttp.at("http://127.0.0.1:" + port)
                .as(Caller.user("mallory"))
                .post(ScreeningApi.PATH, Map.of("campaignId", 7, "referrerUserId", "a", "inviteeUserId", "b"));

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().get("code").asString()).isEqualTo("FORBIDDEN");
    }

    @Test
    void shouldExposeHealthGroupsWithoutIdentity() {
        var r = TestHttp.at("http://127.0.0.1:" + port).get("/actuator/health/readiness");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("status").asString()).isEqualTo("UP");
    }
}
