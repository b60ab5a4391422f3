package io.laxin.invite.code;

import static io.laxin.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laxin.invite.InviteItSupport;
import io.laxin.invite.code.domain.CodeFormat;
import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.Role;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;

class InviteCodeIT extends InviteItSupport {

    @Test
    void shouldGiveTheSameCodeAndLinkEveryTime() {
        long campaign = createCampaign();

        var first = as(Caller.user("sam"))
                .get("/api/v1/invites/mine?campaignId=" + campaign)
                .json();
        var again = as(Caller.user("sam"))
                .get("/api/v1/invites/mine?campaignId=" + campaign)
                .json();
        String other = codeOf(campaign, "tess");

        assertThat(again.get("code").asString()).isEqualTo(first.get("code").asString());
        assertThat(first.get("code").asString())
                .matches("[" + CodeFormat.ALPHABET + "]{8}")
                .isNotEqualTo(other);
        assertThat(first.get("shareLink").asString())
                .isEqualTo("http://localhost:8080/s/" + first.get("code").asString() + "?ch=link");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM invite_code WHERE campaign_id = ? AND user_id = 'sam'",
                        Long.class,
                        campaign))
                .isEqualTo(1);
    }

    @Test
    void shouldIssueToSiblingServicesWithTheirChannel() {
        long campaign = createCampaign();
        String code = codeOf(campaign, "uma");

        var r = as(Caller.service("poster-service"))
                .post("/internal/invites", Map.of("campaignId", campaign, "userId", "uma", "channel", "poster"));

        assertThat(r.json().get("code").asString()).isEqualTo(code);
        assertThat(r.json().get("shareLink").asString()).endsWith("/s/" + code + "?ch=poster");
        assertProblem(
                as(Caller.user("uma")).post("/internal/invites", Map.of("campaignId", campaign, "userId", "uma")),
                403,
                "FORBIDDEN");
    }

    @Test
    void shouldRefuseUnknownCampaignsAndNonUsers() {
        long before = count("invite_code");
        assertProblem(as(Caller.user("vic")).get("/api/v1/invites/mine?campaignId=424242"), 404, "CAMPAIGN_NOT_FOUND");
        assertProblem(as(Caller.user("vic")).get("/api/v1/invites/mine"), 400, "VALIDATION_FAILED");
        assertProblem(as(Caller.host("brand")).get("/api/v1/invites/mine?campaignId=1"), 403, "FORBIDDEN");
        assertThat(count("invite_code")).isEqualTo(before);
    }

    @Test
    void shouldRevokeACodeSoItNoLongerCreditsAndReissueAFreshOne() {
        long campaign = createCampaign();
        String code = codeOf(campaign, "rk-alice");
        touch(code, "rk-d0"); // resolved once: the code is in the Redis cache as ACTIVE

        var revoked = operator()
                .header("Idempotency-Key", "rk-" + code)
                .post(
                        "/api/v1/admin/campaigns/" + campaign + "/codes/" + code.toLowerCase() + "/revoke",
                        Map.of("reason", "posted on a coupon site"));
        var replay = operator()
                .header("Idempotency-Key", "rk-" + code)
                .post(
                        "/api/v1/admin/campaigns/" + campaign + "/codes/" + code.toLowerCase() + "/revoke",
                        Map.of("reason", "posted on a coupon site"));

        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        assertThat(revoked.json().get("status").asString()).isEqualTo("REVOKED");
        assertThat(revoked.json().get("revokedBy").asString()).isEqualTo("op-1");
        assertThat(revoked.json().get("revokedReason").asString()).isEqualTo("posted on a coupon site");
        assertThat(replay.json()).isEqualTo(revoked.json());
        assertProblem(
                operator()
                        .post(
                                "/api/v1/admin/campaigns/" + campaign + "/codes/" + code + "/revoke",
                                Map.of("reason", "again")),
                410,
                "INVITE_CODE_REVOKED");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM outbox_event WHERE tag = 'CODE_REVOKED' AND payload " + "LIKE ?",
                        Long.class,
                        "%\"code\":\"" + code + "\"%"))
                .isEqualTo(1);

        // the share link lands on the campaign without the code and counts nothing
        var open = as(Caller.anonymous()).get("/s/" + code + "?ch=moments");
        assertThat(open.status()).isEqualTo(302);
        assertThat(open.header("Location"))
                .isEqualTo("https://brand.example/register?src=laxin&channel=moments" + "&laxinDevice="
                        + deviceTokenIn(open.header("Location")));
        long referrals = count("referral");
        assertProblem(register(campaign, "rk-bob", code), 410, "INVITE_CODE_REVOKED");
        assertThat(count("referral")).isEqualTo(referrals);

        String fresh = codeOf(campaign, "rk-alice");
        assertThat(fresh).isNotEqualTo(code).isEqualTo(codeOf(campaign, "rk-alice"));
        assertThat(register(campaign, "rk-bob", fresh).json().get("outcome").asString())
                .isEqualTo("ATTRIBUTED");
        var held = operator()
                .get("/api/v1/admin/campaigns/" + campaign + "/codes?userId=rk-alice")
                .json();
        assertThat(held).hasSize(2);
        assertThat(held.get(0).get("status").asString()).isEqualTo("REVOKED");
        assertThat(held.get(1).get("status").asString()).isEqualTo("ACTIVE");
        assertThat(held.get(1).get("code").asString()).isEqualTo(fresh);
    }

    @Test
    void shouldKeepOneActiveCodePerCampaignAndUserByConstraint() {
        long campaign = createCampaign();
        codeOf(campaign, "one-active");

        String insert = "INSERT INTO invite_code (campaign_id, user_id, code, status, created_at) "
                + "VALUES (?, 'one-active', ?, ?, NOW(3))";
        var random = new java.security.SecureRandom();

        assertThatThrownBy(() -> jdbc.update(insert, campaign, CodeFormat.generate(random), "ACTIVE"))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(jdbc.update(insert, campaign, CodeFormat.generate(random), "REVOKED"))
                .isEqualTo(1);
        assertThat(jdbc.update(insert, campaign, CodeFormat.generate(random), "RETIRED"))
                .isEqualTo(1);
    }

    @Test
    void shouldLetOnlyOpsOrAdminRevokeWithAReason() {
        long campaign = createCampaign();
        String code = codeOf(campaign, "rk-carol");
        String path = "/api/v1/admin/campaigns/" + campaign + "/codes/" + code + "/revoke";

        assertProblem(as(Caller.user("rk-carol")).post(path, Map.of("reason", "x")), 403, "FORBIDDEN");
        assertProblem(as(Caller.staff("fin", Role.FINANCE)).post(path, Map.of("reason", "x")), 403, "FORBIDDEN");
        assertProblem(operator().post(path, Map.of("reason", " ")), 400, "VALIDATION_FAILED");
        assertProblem(
                operator()
                        .post("/api/v1/admin/campaigns/" + campaign + "/codes/ZZZZZZZZ/revoke", Map.of("reason", "x")),
                404,
                "INVITE_CODE_NOT_FOUND");
        assertProblem(
                operator()
                        .post(
                                "/api/v1/admin/campaigns/" + (campaign + 1000) + "/codes/" + code + "/revoke",
                                Map.of("reason", "x")),
                404,
                "INVITE_CODE_NOT_FOUND");
        assertThat(codeOf(campaign, "rk-carol")).isEqualTo(code);
        assertThat(as(Caller.staff("admin", Role.ADMIN))
                        .post(path, Map.of("reason", "x"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void shouldLetOnlyDesignatedUsersReferWhenTheCampaignSaysSo() {
        Map<String, Object> body = new HashMap<>(campaignBody("Ambassadors only"));
        body.put("referrers", "DESIGNATED");
        long c = createCampaign(body);
        String referrers = "/api/v1/admin/campaigns/" + c + "/referrers";

        var added = operator()
                .header("Idempotency-Key", "dr-add-" + c)
                .post(referrers, Map.of("userIds", List.of("dr-alice", "dr-bob", "dr-alice")));
        var replay = operator()
                .header("Idempotency-Key", "dr-add-" + c)
                .post(referrers, Map.of("userIds", List.of("dr-alice", "dr-bob", "dr-alice")));
        assertThat(added.json().get("changed").asInt()).as(added.toString()).isEqualTo(2);
        assertThat(replay.json().get("changed").asInt()).isEqualTo(2);
        assertThat(operator()
                        .post(referrers, Map.of("userIds", List.of("dr-alice")))
                        .json()
                        .get("changed")
                        .asInt())
                .isZero();
        var page = operator().get(referrers + "?page=1&size=1").json();
        assertThat(page.get("total").asLong()).isEqualTo(2);
        assertThat(page.get("items")).hasSize(1);
        assertThat(operator()
                        .get("/api/v1/admin/campaigns/" + c)
                        .json()
                        .get("referrers")
                        .asString())
                .isEqualTo("DESIGNATED");

        String bob = codeOf(c, "dr-bob");
        assertProblem(
                as(Caller.user("dr-carol")).get("/api/v1/invites/mine?campaignId=" + c),
                403,
                "REFERRER_NOT_DESIGNATED");
        assertProblem(
                as(Caller.service("poster-service"))
                        .post("/internal/invites", Map.of("campaignId", c, "userId", "dr-carol")),
                403,
                "REFERRER_NOT_DESIGNATED");
        assertThat(register(c, "dr-i1", bob).json().get("outcome").asString()).isEqualTo("ATTRIBUTED");

        assertThat(operator()
                        .post(referrers + "/remove", Map.of("userIds", List.of("dr-bob", "dr-nobody")))
                        .json()
                        .get("changed")
                        .asInt())
                .isEqualTo(1);
        long referrals = count("referral");
        assertProblem(register(c, "dr-i2", bob), 403, "REFERRER_NOT_DESIGNATED");
        assertThat(count("referral")).isEqualTo(referrals);
        assertProblem(
                as(Caller.user("dr-bob")).get("/api/v1/invites/mine?campaignId=" + c), 403, "REFERRER_NOT_DESIGNATED");
        assertThat(register(c, "dr-i1", bob).json().get("firstReport").asBoolean())
                .as("a registration bound before stays bound")
                .isFalse();

        operator().send("PATCH", "/api/v1/admin/campaigns/" + c, Map.of("referrers", "EVERYONE"));
        assertThat(codeOf(c, "dr-carol")).isNotBlank();
        assertThat(register(c, "dr-i2", bob).json().get("outcome").asString()).isEqualTo("ATTRIBUTED");
    }

    @Test
    void shouldRefuseBadDesignationsAndNonOperators() {
        long c = createCampaign();
        String referrers = "/api/v1/admin/campaigns/" + c + "/referrers";

        assertProblem(operator().post(referrers, Map.of("userIds", List.of())), 400, "VALIDATION_FAILED");
        assertProblem(operator().post(referrers, Map.of("userIds", List.of(" "))), 400, "VALIDATION_FAILED");
        assertProblem(operator().get(referrers + "?size=0"), 400, "VALIDATION_FAILED");
        assertProblem(as(Caller.user("dr-x")).post(referrers, Map.of("userIds", List.of("dr-x"))), 403, "FORBIDDEN");
        assertProblem(
                as(Caller.staff("fin", Role.FINANCE)).post(referrers, Map.of("userIds", List.of("dr-x"))),
                403,
                "FORBIDDEN");
        assertProblem(
                operator().post("/api/v1/admin/campaigns/987654321/referrers", Map.of("userIds", List.of("dr-x"))),
                404,
                "CAMPAIGN_NOT_FOUND");
        assertThat(operator().get(referrers).json().get("total").asLong()).isZero();
    }

    @Test
    void shouldMakeAnApprovedVanityCodeTheUsersCodeAndKeepTheOldOneWorking() {
        long c = createCampaign();
        String old = codeOf(c, "vc-alice");
        String bobs = codeOf(c, "vc-bob");
        var alice = as(Caller.user("vc-alice"));

        var asked = alice.header("Idempotency-Key", "vc-" + c)
                .post("/api/v1/invites/mine/vanity", Map.of("campaignId", c, "code", " lily2027 "));
        assertThat(asked.status()).as(asked.toString()).isEqualTo(202);
        assertThat(asked.json().get("code").asString()).isEqualTo("LILY2027");
        assertThat(asked.json().get("status").asString()).isEqualTo("PENDING");
        assertThat(codeOf(c, "vc-alice"))
                .as("pending: the old code is still handed out")
                .isEqualTo(old);
        assertProblem(
                as(Caller.user("vc-bob"))
                        .post("/api/v1/invites/mine/vanity", Map.of("campaignId", c, "code", "Lily2027")),
                409,
                "VANITY_CODE_TAKEN");
        assertProblem(
                alice.post("/api/v1/invites/mine/vanity", Map.of("campaignId", c, "code", "ALICE")),
                409,
                "VANITY_REQUEST_PENDING");
        assertProblem(
                as(Caller.user("vc-bob")).post("/api/v1/invites/mine/vanity", Map.of("campaignId", c, "code", old)),
                409,
                "VANITY_CODE_TAKEN");
        for (String bad : List.of("ab", "12345678", "lily-2027", "ABCDEFGHIJKLMNOPQ")) {
            assertProblem(
                    as(Caller.user("vc-bob")).post("/api/v1/invites/mine/vanity", Map.of("campaignId", c, "code", bad)),
                    400,
                    "VANITY_CODE_INVALID");
        }
        assertProblem(
                as(Caller.user("vc-bob"))
                        .post("/api/v1/invites/mine/vanity", Map.of("campaignId", c, "code", "myAdmin1")),
                422,
                "VANITY_CODE_RESERVED");

        var pending = operator()
                .get("/api/v1/admin/campaigns/" + c + "/vanity-codes?status=PENDING")
                .json();
        assertThat(pending.get("total").asLong()).isEqualTo(1);
        long id = pending.get("items").get(0).get("id").asLong();
        String approve = "/api/v1/admin/campaigns/" + c + "/vanity-codes/" + id + "/approve";
        assertProblem(as(Caller.user("vc-alice")).post(approve, Map.of()), 403, "FORBIDDEN");
        var approved = operator().post(approve, Map.of("note", "fine"));
        assertThat(approved.json().get("status").asString())
                .as(approved.toString())
                .isEqualTo("APPROVED");
        assertThat(approved.json().get("decidedBy").asString()).isEqualTo("op-1");
        assertProblem(operator().post(approve, Map.of()), 409, "VANITY_REQUEST_DECIDED");

        assertThat(codeOf(c, "vc-alice")).isEqualTo("LILY2027");
        assertThat(as(Caller.anonymous()).get("/s/lily2027?ch=poster").header("Location"))
                .contains("inviteCode=LILY2027&channel=poster&laxinDevice=");
        assertThat(as(Caller.anonymous()).get("/s/" + old + "?ch=poster").header("Location"))
                .as("a poster already shared keeps working")
                .contains("inviteCode=" + old + "&channel=poster&laxinDevice=");
        assertThat(register(c, "vc-i1", old).json().get("referrerUserId").asString())
                .isEqualTo("vc-alice");
        assertThat(register(c, "vc-i2", "Lily2027").json().get("referrerUserId").asString())
                .isEqualTo("vc-alice");
        var held = operator()
                .get("/api/v1/admin/campaigns/" + c + "/codes?userId=vc-alice")
                .json();
        assertThat(held.get(0).get("status").asString()).isEqualTo("RETIRED");
        assertThat(held.get(1).get("status").asString()).isEqualTo("ACTIVE");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM outbox_event WHERE tag = 'CODE_REPLACED' AND payload "
                                + "LIKE '%LILY2027%'",
                        Long.class))
                .isEqualTo(1);
        assertThatThrownBy(() -> jdbc.update(
                        "INSERT INTO invite_code (campaign_id, user_id, code, status, "
                                + "created_at) VALUES (?, 'vc-x', 'lily2027', 'RETIRED', NOW(3))",
                        c))
                .as("codes are unique whatever their case")
                .isInstanceOf(DuplicateKeyException.class);

        // an operator asks on bob's behalf, then rejects with a note; bob keeps his code and may ask again
        var onBehalf = operator()
                .post("/api/v1/admin/campaigns/" + c + "/vanity-codes", Map.of("userId", "vc-bob", "code", "BOBBY"));
        assertThat(onBehalf.json().get("requestedBy").asString())
                .as(onBehalf.toString())
                .isEqualTo("op-1");
        String reject = "/api/v1/admin/campaigns/" + c + "/vanity-codes/"
                + onBehalf.json().get("id").asLong() + "/reject";
        assertProblem(operator().post(reject, Map.of("note", " ")), 400, "VALIDATION_FAILED");
        var rejected = operator().post(reject, Map.of("note", "too close to a brand"));
        assertThat(rejected.json().get("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.json().get("note").asString()).isEqualTo("too close to a brand");
        assertThat(codeOf(c, "vc-bob")).isEqualTo(bobs);
        assertThat(as(Caller.user("vc-bob"))
                        .get("/api/v1/invites/mine/vanity?campaignId=" + c)
                        .json()
                        .get(0)
                        .get("status")
                        .asString())
                .isEqualTo("REJECTED");
        assertThat(as(Caller.user("vc-bob"))
                        .post("/api/v1/invites/mine/vanity", Map.of("campaignId", c, "code", "BOBBY"))
                        .status())
                .isEqualTo(202);
    }
}
