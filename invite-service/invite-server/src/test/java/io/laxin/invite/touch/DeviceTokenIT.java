package io.laxin.invite.touch;

import static org.assertj.core.api.Assertions.assertThat;

import io.laxin.invite.InviteItSupport;
import io.laxin.kernel.identity.Caller;
import io.laxin.testsupport.FakeService;
import io.laxin.testsupport.TestHttp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * ADR 0005: only a touch bound to a device token the suite issued attributes; a raw (or forged) device id is counted
 * and forgotten, and a token-bound touch that disagrees with the reported code is held for review.
 */
class DeviceTokenIT extends InviteItSupport {

    private static final String PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0) MicroMessenger/8.0.44";

    @BeforeEach
    void contestsGoToReview() {
        ANTIFRAUD.clear();
        // a stand-in for antifraud-service's rule: a contested attribution is held for review, naming the other side
        ANTIFRAUD.on("/internal/screenings", r -> {
            var body = TestHttp.JSON.readTree(r.body());
            var contested = body.get("contestedByUserId");
            if (contested == null || contested.isNull()) {
                return FakeService.Answer.json(
                        Map.of("screeningId", "s-pass", "verdict", "PASS", "score", 0, "reasons", List.of()));
            }
            return FakeService.Answer.json(Map.of(
                    "screeningId",
                    "s-contested",
                    "verdict",
                    "REVIEW",
                    "score",
                    0,
                    "reasons",
                    List.of(Map.of(
                            "ruleId",
                            "CONTESTED_ATTRIBUTION",
                            "detail",
                            "the reported code " + "belongs to " + contested.asString(),
                            "weight",
                            0))));
        });
    }

    @AfterEach
    void pass() {
        passAllScreenings();
    }

    private long campaign(boolean legacyDeviceIds) {
        Map<String, Object> body = new HashMap<>(campaignBody("Device tokens " + Instant.now()));
        body.put("bindingMode", "FIRST_TOUCH");
        if (legacyDeviceIds) {
            body.put("legacyDeviceIds", true);
        }
        return createCampaign(body);
    }

    private TestHttp.Response open(String code, String query, String cookieToken) {
        TestHttp http = as(Caller.anonymous()).header("User-Agent", PHONE);
        if (cookieToken != null) {
            http = http.header("Cookie", "laxin_dt=" + cookieToken);
        }
        var r = http.get("/s/" + code + "?ch=moments" + query);
        assertThat(r.status()).as(r.toString()).isEqualTo(302);
        return r;
    }

    private TestHttp.Response registration(long campaign, String invitee, String deviceId, String code) {
        Map<String, Object> body =
                new HashMap<>(Map.of("campaignId", campaign, "inviteeUserId", invitee, "deviceId", deviceId));
        if (code != null) {
            body.put("inviteCode", code);
        }
        var r = report(body);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r;
    }

    private List<String> contestedClaimantsSent() {
        return ANTIFRAUD.received().stream()
                .map(r -> TestHttp.JSON.readTree(r.body()).get("contestedByUserId"))
                .filter(n -> n != null && !n.isNull())
                .map(n -> n.asString())
                .toList();
    }

    @Test
    void shouldNotLetAPlantedRawDeviceIdStealTheAttribution() {
        long c = campaign(false);
        String alice = codeOf(c, "pl-alice");
        String bob = codeOf(c, "pl-bob");
        // alice opens her own link with her friend's device id, planted beforehand
        open(alice, "&d=pl-friend-phone", null);

        var r = registration(c, "pl-friend", "pl-friend-phone", bob);

        assertThat(r.json().get("referrerUserId").asString()).isEqualTo("pl-bob");
        assertThat(r.json().get("outcome").asString()).isEqualTo("ATTRIBUTED");
        assertThat(contestedClaimantsSent()).isEmpty();
        // and without a code the raw id binds nobody at all
        var noCode = report(Map.of("campaignId", c, "inviteeUserId", "pl-friend-2", "deviceId", "pl-friend-phone"));
        assertThat(noCode.status()).as(noCode.toString()).isEqualTo(422);
        assertThat(noCode.json().get("code").asString()).isEqualTo("NO_REFERRER_FOUND");
    }

    @Test
    void shouldBindTheTokenBoundTouchOverTheReportedCodeAndHoldItForReview() {
        long c = campaign(false);
        String alice = codeOf(c, "ct-alice");
        String bob = codeOf(c, "ct-bob");
        String token = deviceTokenIn(open(alice, "", null).header("Location"));
        String sameOwnerToken = deviceTokenIn(open(alice, "", null).header("Location"));

        var contested = registration(c, "ct-friend", token, bob);
        var agreed = registration(c, "ct-friend-2", sameOwnerToken, alice);

        assertThat(contested.json().get("referrerUserId").asString()).isEqualTo("ct-alice");
        assertThat(contested.json().get("outcome").asString()).isEqualTo("PENDING_REVIEW");
        assertThat(contested.json().get("reasons").get(0).asString())
                .startsWith("CONTESTED_ATTRIBUTION")
                .contains("ct-bob");
        assertThat(contestedClaimantsSent()).containsExactly("ct-bob");
        assertThat(agreed.json().get("referrerUserId").asString()).isEqualTo("ct-alice");
        assertThat(agreed.json().get("outcome").asString()).isEqualTo("ATTRIBUTED");
    }

    @Test
    void shouldTreatAForgedTokenAsARawIdAndNotReuseIt() {
        long c = campaign(false);
        String alice = codeOf(c, "fg-alice");
        String bob = codeOf(c, "fg-bob");
        String real = deviceTokenIn(open(alice, "", null).header("Location"));
        String forged = real.substring(0, real.lastIndexOf('.') + 1) + "AAAAAAAAAAAAAAAAAAAAAA";
        String otherRandom = "ldt1.BBBBBBBBBBBBBBBBBBBBBB" + real.substring(real.lastIndexOf('.'));

        var opened = open(alice, "&d=" + forged, forged);
        open(alice, "&d=" + otherRandom, null);

        assertThat(deviceTokenIn(opened.header("Location")))
                .isNotEqualTo(forged)
                .isNotEqualTo(real);
        assertThat(registration(c, "fg-friend", forged, bob)
                        .json()
                        .get("referrerUserId")
                        .asString())
                .isEqualTo("fg-bob");
        assertThat(registration(c, "fg-friend-2", otherRandom, bob)
                        .json()
                        .get("referrerUserId")
                        .asString())
                .isEqualTo("fg-bob");
        assertThat(contestedClaimantsSent()).isEmpty();
    }

    @Test
    void shouldSetTheTokenCookieAndPutItOnTheLandingUrlReusingAValidOne() {
        long c = campaign(false);
        String alice = codeOf(c, "ck-alice");

        var first = open(alice, "", null);
        String token = deviceTokenIn(first.header("Location"));
        var again = open(alice, "", token);
        var viaQuery = open(alice, "&d=" + token, null);

        assertThat(token).matches("ldt1\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{22}");
        assertThat(first.header("Location"))
                .startsWith("https://brand.example/register?src=laxin&inviteCode=" + alice
                        + "&channel=moments&laxinDevice=");
        String cookie = first.header("Set-Cookie");
        assertThat(cookie)
                .startsWith("laxin_dt=" + token + ";")
                .contains("Path=/")
                .contains("Max-Age=31536000")
                .contains("Secure")
                .contains("HttpOnly")
                .contains("SameSite=Lax");
        assertThat(deviceTokenIn(again.header("Location"))).isEqualTo(token);
        assertThat(again.header("Set-Cookie")).startsWith("laxin_dt=" + token + ";");
        assertThat(deviceTokenIn(viaQuery.header("Location"))).isEqualTo(token);
        assertThat(registration(c, "ck-friend", token, null)
                        .json()
                        .get("referrerUserId")
                        .asString())
                .isEqualTo("ck-alice");
    }

    @Test
    void shouldKeepRawDeviceIdsAttributingForACampaignThatStillTakesLegacyIds() {
        long c = campaign(true);
        String alice = codeOf(c, "lg-alice");
        String bob = codeOf(c, "lg-bob");
        open(alice, "&d=lg-phone", null);

        var r = registration(c, "lg-friend", "lg-phone", bob);
        var campaign = operator().get("/api/v1/admin/campaigns/" + c).json();

        assertThat(r.json().get("referrerUserId").asString()).isEqualTo("lg-alice");
        assertThat(campaign.get("legacyDeviceIds").asBoolean()).isTrue();
        assertThat(operator()
                        .get("/api/v1/admin/campaigns/" + campaign(false))
                        .json()
                        .get("legacyDeviceIds")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void shouldAnswerAScanWithTheDeviceTokenThatThenAttributes() {
        long c = campaign(false);
        String alice = codeOf(c, "sn-alice");
        var http = as(Caller.anonymous()).header("User-Agent", PHONE);

        var raw =
                http.post("/api/v1/public/scans", Map.of("code", alice, "channel", "poster", "deviceId", "sn-made-up"));
        String token = raw.json().get("deviceToken").asString();
        var kept = http.post("/api/v1/public/scans", Map.of("code", alice, "channel", "poster", "deviceId", token));

        assertThat(raw.status()).as(raw.toString()).isEqualTo(200);
        assertThat(token).startsWith("ldt1.");
        assertThat(kept.json().get("deviceToken").asString()).isEqualTo(token);
        assertThat(raw.json().get("counted").asBoolean()).isTrue();
        assertThat(kept.json().get("counted").asBoolean())
                .as("the same device back with its token within the hour")
                .isFalse();
        assertThat(operator()
                        .get("/api/v1/admin/campaigns/" + c + "/funnel")
                        .json()
                        .get("totals")
                        .get("uniqueTouches")
                        .asLong())
                .isEqualTo(1);
        assertThat(registration(c, "sn-friend", token, null)
                        .json()
                        .get("referrerUserId")
                        .asString())
                .isEqualTo("sn-alice");
        var byRawId = report(Map.of("campaignId", c, "inviteeUserId", "sn-friend-2", "deviceId", "sn-made-up"));
        assertThat(byRawId.status()).as(byRawId.toString()).isEqualTo(422);
    }
}
