package io.laxin.invite.referral;

import static io.laxin.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.laxin.invite.InviteItSupport;
import io.laxin.kernel.identity.Caller;
import io.laxin.testsupport.TestHttp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** invite-service's own attribution rules: binding modes, windows, and every refusal reason. */
class AttributionRulesIT extends InviteItSupport {

    @AfterEach
    void realTime() {
        CLOCK.reset();
    }

    private long campaign(String bindingMode) {
        Map<String, Object> body = new HashMap<>(campaignBody("Rules " + bindingMode + " " + Instant.now()));
        body.put("bindingMode", bindingMode);
        return createCampaign(body);
    }

    private static Map<String, Object> registration(long campaign, String invitee, Object... more) {
        Map<String, Object> body = new HashMap<>(Map.of("campaignId", campaign, "inviteeUserId", invitee));
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    private void identity(String user, String registeredAt, Object... identifiers) {
        Map<String, Object> body = new HashMap<>(Map.of("userId", user, "registeredAt", registeredAt));
        for (int i = 0; i < identifiers.length; i += 2) {
            body.put((String) identifiers[i], identifiers[i + 1]);
        }
        var r = host().post("/api/v1/host/identities", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(204);
    }

    private static String outcome(TestHttp.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("outcome").asString();
    }

    private static String reason(TestHttp.Response r) {
        return r.json().get("reasons").get(0).asString();
    }

    @Test
    void shouldLetTheFirstTouchWinInFirstTouchMode() {
        long c = campaign("FIRST_TOUCH");
        String alice = codeOf(c, "ft-alice");
        String bob = codeOf(c, "ft-bob");
        String carol = codeOf(c, "ft-carol");
        String dev = touch(alice, "ft-dev");
        touch(bob, dev);

        var byDevice = report(registration(c, "ft-dan", "deviceId", dev));
        var withOtherCode = report(registration(c, "ft-eve", "deviceId", dev, "inviteCode", carol));

        assertThat(byDevice.json().get("referrerUserId").asString()).isEqualTo("ft-alice");
        assertThat(withOtherCode.json().get("referrerUserId").asString()).isEqualTo("ft-alice");
    }

    @Test
    void shouldLetALaterTouchOverrideInLastTouchMode() {
        long c = campaign("LAST_TOUCH");
        String alice = codeOf(c, "lt-alice");
        String bob = codeOf(c, "lt-bob");
        String dev = touch(alice, "lt-dev");
        touch(bob, dev);

        var r = report(registration(c, "lt-dan", "deviceId", dev, "inviteCode", alice));

        assertThat(r.json().get("referrerUserId").asString()).isEqualTo("lt-bob");
    }

    @Test
    void shouldBindOnlyTheReportedCodeInCodeAtRegistrationMode() {
        long c = campaign("CODE_AT_REGISTRATION");
        String alice = codeOf(c, "cr-alice");
        String carol = codeOf(c, "cr-carol");
        String dev = touch(alice, "cr-dev");

        var withCode = report(registration(c, "cr-dan", "deviceId", dev, "inviteCode", carol));
        var withoutCode = report(registration(c, "cr-eve", "deviceId", dev));

        assertThat(withCode.json().get("referrerUserId").asString()).isEqualTo("cr-carol");
        assertProblem(withoutCode, 422, "NO_REFERRER_FOUND");
    }

    @Test
    void shouldAttributeJustInsideTheWindowAndRefuseJustOutside() {
        long c = campaign("FIRST_TOUCH");
        String alice = codeOf(c, "w-alice");
        String dev1 = touch(alice, "w-dev-1");
        String dev2 = touch(alice, "w-dev-2");

        CLOCK.advance(Duration.ofDays(7).minusSeconds(1));
        var inside = report(registration(c, "w-inside", "deviceId", dev1));
        CLOCK.advance(Duration.ofSeconds(2));
        var outside = report(registration(c, "w-outside", "deviceId", dev2));

        assertThat(outcome(inside)).isEqualTo("ATTRIBUTED");
        assertThat(outcome(outside)).isEqualTo("REJECTED");
        assertThat(reason(outside)).startsWith("OUTSIDE_WINDOW");
    }

    @Test
    void shouldRefuseSelfReferralByEachSharedIdentifier() {
        long c = campaign("FIRST_TOUCH");
        String code = codeOf(c, "sr-alice");
        identity(
                "sr-alice",
                "2025-01-01T00:00:00Z",
                "deviceId",
                "sr-dev",
                "phone",
                "+86 138-1234-5678",
                "openid",
                "sr-openid",
                "unionid",
                "sr-unionid");

        var byDevice = report(registration(c, "sr-1", "inviteCode", code, "deviceId", "sr-dev"));
        var byPhone = report(registration(c, "sr-2", "inviteCode", code, "phone", "13812345678"));
        var byOpenid = report(registration(c, "sr-3", "inviteCode", code, "openid", "sr-openid"));
        var byUnionid = report(registration(c, "sr-4", "inviteCode", code, "unionid", "sr-unionid"));

        assertThat(List.of(byDevice, byPhone, byOpenid, byUnionid)).allSatisfy(r -> {
            assertThat(outcome(r)).isEqualTo("REJECTED");
            assertThat(reason(r)).startsWith("SELF_REFERRAL");
        });
        assertThat(reason(byDevice)).contains("device");
        assertThat(reason(byPhone)).contains("phone");
        assertThat(reason(byOpenid)).contains("openid");
        assertThat(reason(byUnionid)).contains("unionid");
    }

    @Test
    void shouldRefuseASecondAccountOfSomeoneElse() {
        long c = campaign("FIRST_TOUCH");
        String code = codeOf(c, "da-alice");
        identity("da-bob", "2026-11-20T00:00:00Z", "phone", "13900001111");

        var r = report(registration(c, "da-bob-2", "inviteCode", code, "phone", "139 0000 1111"));

        assertThat(outcome(r)).isEqualTo("REJECTED");
        assertThat(reason(r)).startsWith("DUPLICATE_ACCOUNT");
    }

    @Test
    void shouldRefuseInviteesThatAreNotNew() {
        long c = createCampaign(new HashMap<>(Map.of(
                "name",
                "Not new",
                "startsAt",
                "2026-01-01T00:00:00Z",
                "endsAt",
                "2099-01-01T00:00:00Z",
                "attributionWindowDays",
                7,
                "landingUrl",
                "https://brand.example/r",
                "rewardPolicy",
                campaignBody("x").get("rewardPolicy"))));
        String code = codeOf(c, "nn-alice");
        identity("nn-old", "2025-06-01T00:00:00Z");
        String dev = touch(code, "nn-dev");

        var knownBefore = report(registration(c, "nn-old", "inviteCode", code));
        var registeredBefore =
                report(registration(c, "nn-early", "inviteCode", code, "registeredAt", "2025-12-31T23:59:59Z"));
        var beforeTheTouch = report(registration(
                c,
                "nn-touch",
                "deviceId",
                dev,
                "registeredAt",
                Instant.now().minus(Duration.ofHours(1)).toString()));

        assertThat(List.of(knownBefore, registeredBefore, beforeTheTouch)).allSatisfy(r -> {
            assertThat(outcome(r)).isEqualTo("REJECTED");
            assertThat(reason(r)).startsWith("NOT_NEW");
        });
        assertThat(reason(beforeTheTouch)).contains("before opening the share link");
    }

    @Test
    void shouldRefuseBindingLoopsThreeDeep() {
        long c = campaign("CODE_AT_REGISTRATION");
        String a = codeOf(c, "loop-a");
        assertThat(outcome(report(registration(c, "loop-b", "inviteCode", a)))).isEqualTo("ATTRIBUTED");
        String b = codeOf(c, "loop-b");
        assertThat(outcome(report(registration(c, "loop-c", "inviteCode", b)))).isEqualTo("ATTRIBUTED");
        String cc = codeOf(c, "loop-c");

        var twoDeep = report(registration(c, "loop-a", "inviteCode", b));

        assertThat(outcome(twoDeep)).isEqualTo("REJECTED");
        assertThat(reason(twoDeep)).startsWith("BINDING_LOOP");
        long c2 = campaign("CODE_AT_REGISTRATION");
        String a2 = codeOf(c2, "l3-a");
        report(registration(c2, "l3-b", "inviteCode", a2));
        report(registration(c2, "l3-c", "inviteCode", codeOf(c2, "l3-b")));
        report(registration(c2, "l3-d", "inviteCode", codeOf(c2, "l3-c")));
        var threeDeep = report(registration(c2, "l3-a", "inviteCode", codeOf(c2, "l3-d")));
        assertThat(outcome(threeDeep)).isEqualTo("REJECTED");
        assertThat(reason(threeDeep)).startsWith("BINDING_LOOP").contains("3 level");
    }

    @Test
    void shouldRefuseRebindingAnInviteeToAnotherReferrerAndWriteNothing() {
        long c = campaign("CODE_AT_REGISTRATION");
        String alice = codeOf(c, "rb-alice");
        String carol = codeOf(c, "rb-carol");
        report(registration(c, "rb-bob", "inviteCode", alice));
        long referrals = count("referral");
        long events = count("outbox_event");

        assertProblem(report(registration(c, "rb-bob", "inviteCode", carol)), 409, "INVITEE_ALREADY_BOUND");
        assertThat(count("referral")).isEqualTo(referrals);
        assertThat(count("outbox_event")).isEqualTo(events);
    }

    @Test
    void shouldRefuseRegistrationsWhileTheCampaignIsNotRunning() {
        long c = createCampaign(new HashMap<>(Map.of(
                "name",
                "Over",
                "startsAt",
                "2020-01-01T00:00:00Z",
                "endsAt",
                "2021-01-01T00:00:00Z",
                "attributionWindowDays",
                7,
                "landingUrl",
                "https://brand.example/r",
                "rewardPolicy",
                campaignBody("x").get("rewardPolicy"))));
        String code = jdbc.queryForObject("SELECT 'ABCDEFGH'", String.class);
        jdbc.update(
                "INSERT INTO invite_code (campaign_id, user_id, code, created_at) VALUES (?, 'over-alice', ?, NOW())",
                c,
                code);

        assertProblem(report(registration(c, "over-bob", "inviteCode", code)), 409, "CAMPAIGN_NOT_ACTIVE");
        assertProblem(
                as(Caller.user("over-carol")).get("/api/v1/invites/mine?campaignId=" + c), 409, "CAMPAIGN_NOT_ACTIVE");
    }

    @Test
    void shouldKeepPhonesOnlyAsKeyedHashesAndMaskedForms() {
        long c = campaign("FIRST_TOUCH");
        String code = codeOf(c, "ph-alice");

        report(registration(c, "ph-bob", "inviteCode", code, "phone", "13711112222"));

        assertThat(jdbc.queryForObject("SELECT masked_phone FROM known_user WHERE user_id = 'ph-bob'", String.class))
                .isEqualTo("137****2222");
        String hash = jdbc.queryForObject(
                "SELECT id_key FROM identity_link WHERE user_id = 'ph-bob' AND kind = 'PHONE'", String.class);
        assertThat(hash).hasSize(64).doesNotContain("13711112222");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM referral WHERE reasons LIKE '%13711112222%' "
                                + "OR ip LIKE '%13711112222%'",
                        Long.class))
                .isZero();
        assertProblem(
                report(registration(c, "ph-carol", "inviteCode", code, "phone", "12345")), 400, "VALIDATION_FAILED");
    }

    @Test
    void shouldBindFiftyDifferentInviteesOfOneReferrerConcurrently() throws Exception {
        long c = campaign("CODE_AT_REGISTRATION");
        String code = codeOf(c, "many-alice");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<TestHttp.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String invitee = "many-" + i;
                calls.add(() -> report(registration(c, invitee, "inviteCode", code)));
            }
            for (Future<TestHttp.Response> f : pool.invokeAll(calls)) {
                assertThat(outcome(f.get())).isEqualTo("ATTRIBUTED");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM referral WHERE campaign_id = ? AND status = 'ATTRIBUTED'", Long.class, c))
                .isEqualTo(50);
    }
}
