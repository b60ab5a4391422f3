package io.laxin.kernel.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.laxin.kernel.api.CommonErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdentitySignerTest {

    private static final Instant NOW = Instant.parse("2026-12-07T03:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final KeyPair gateway = IdentityKeys.generate();
    private final KeyPair gatewayNext = IdentityKeys.generate();
    private final KeyPair invite = IdentityKeys.generate();
    private final KeyPair stranger = IdentityKeys.generate();

    private final IdentityVerifier antifraud = new IdentityVerifier(
            "antifraud-service",
            Map.of(
                    IdentityVerifier.GATEWAY,
                    List.of(gateway.getPublic(), gatewayNext.getPublic()),
                    "invite-service",
                    List.of(invite.getPublic())),
            runningForAnHour(),
            CLOCK);

    /** A replica up for an hour: its nonce memory began long before the ±5 min window. */
    private static InMemoryNonceStore runningForAnHour() {
        MutableClock clock = new MutableClock(NOW.minus(Duration.ofHours(1)));
        InMemoryNonceStore store = new InMemoryNonceStore(1000, clock);
        clock.now = NOW;
        return store;
    }

    private static final InternalRequest POST = new InternalRequest(
            "POST",
            "/api/v1/host/risk/checks",
            "b=2&a=1",
            "{\"userId\":\"u-1\"}".getBytes(StandardCharsets.UTF_8),
            "antifraud-service");

    private static IdentitySigner signer(KeyPair pair) {
        return new IdentitySigner(pair.getPrivate(), CLOCK);
    }

    private IdentityVerifier.Verdict verify(Map<String, String> headers, InternalRequest request) {
        return antifraud.verify(headers::get, request);
    }

    @Test
    void shouldAcceptTheRequestItSignedOnceAndCarryTheCaller() {
        var headers = signer(gateway).sign(Caller.staff("ops-1", Role.OPS), POST);

        var verdict = verify(headers, POST);

        assertThat(verdict.caller()).contains(Caller.staff("ops-1", Role.OPS));
        assertThat(headers.get(IdentityHeaders.SIGNATURE)).startsWith("v2,");
        assertThat(headers.get(IdentityHeaders.NONCE)).isNotBlank();
    }

    @Test
    void shouldSignTheQueryInCanonicalOrder() {
        var headers = signer(gateway).sign(Caller.user("u-1"), POST);
        var reordered = new InternalRequest("POST", POST.path(), "a=1&b=2", POST.body(), POST.target());

        assertThat(verify(headers, reordered).caller()).contains(Caller.user("u-1"));
        assertThat(InternalRequest.canonicalQuery("b=2&a=1&a=0")).isEqualTo("a=0&a=1&b=2");
    }

    @Test
    void shouldRefuseATamperedQuery() {
        var headers = signer(gateway).sign(Caller.user("u-1"), POST);
        var tampered = new InternalRequest("POST", POST.path(), "a=1&b=3", POST.body(), POST.target());

        assertRefused(verify(headers, tampered), CommonErrorCode.UNAUTHENTICATED);
    }

    @Test
    void shouldRefuseATamperedBody() {
        var headers = signer(gateway).sign(Caller.user("u-1"), POST);
        var tampered = new InternalRequest(
                "POST",
                POST.path(),
                POST.query(),
                "{\"userId\":\"u-2\"}".getBytes(StandardCharsets.UTF_8),
                POST.target());

        assertRefused(verify(headers, tampered), CommonErrorCode.UNAUTHENTICATED);
    }

    @Test
    void shouldRefuseAHeaderSetSignedForAnotherService() {
        var toReward = new InternalRequest("POST", POST.path(), POST.query(), POST.body(), "reward-service");
        var headers = signer(gateway).sign(Caller.user("u-1"), toReward);

        assertRefused(verify(headers, POST), CommonErrorCode.UNAUTHENTICATED);
    }

    @Test
    void shouldRefuseAReplayedNonceWithItsOwnCode() {
        var headers = signer(gateway).sign(Caller.user("u-1"), POST);

        assertThat(verify(headers, POST).caller()).isPresent();
        assertRefused(verify(headers, POST), CommonErrorCode.SIGNATURE_REPLAYED);
    }

    @Test
    void shouldRefuseAStaleOrFutureTimestamp() {
        var stale = signer(gateway)
                .sign(Caller.user("u-1"), POST, NOW.minus(Duration.ofMinutes(6)), IdentitySigner.newNonce());
        var future = signer(gateway)
                .sign(Caller.user("u-1"), POST, NOW.plus(Duration.ofMinutes(6)), IdentitySigner.newNonce());
        var edge = signer(gateway)
                .sign(Caller.user("u-1"), POST, NOW.minus(Duration.ofMinutes(5)), IdentitySigner.newNonce());

        assertRefused(verify(stale, POST), CommonErrorCode.UNAUTHENTICATED);
        assertRefused(verify(future, POST), CommonErrorCode.UNAUTHENTICATED);
        assertThat(verify(edge, POST).caller()).isPresent();
    }

    @Test
    void shouldRefuseAKeyItDoesNotTrust() {
        var headers = signer(stranger).sign(Caller.user("u-1"), POST);

        assertRefused(verify(headers, POST), CommonErrorCode.UNAUTHENTICATED);
    }

    @Test
    void shouldAcceptTheNextKeyDuringARotation() {
        var headers = signer(gatewayNext).sign(Caller.user("u-1"), POST);

        assertThat(verify(headers, POST).caller()).contains(Caller.user("u-1"));
    }

    @Test
    void shouldAcceptAServiceOnlyWithItsOwnKey() {
        var byInvite = signer(invite).sign(Caller.service("invite-service"), POST);
        var inviteAsReward = signer(invite).sign(Caller.service("reward-service"), POST);
        var gatewayAsInvite = signer(gateway).sign(Caller.service("invite-service"), POST);

        assertThat(verify(byInvite, POST).caller()).contains(Caller.service("invite-service"));
        assertRefused(verify(inviteAsReward, POST), CommonErrorCode.UNAUTHENTICATED);
        assertRefused(verify(gatewayAsInvite, POST), CommonErrorCode.UNAUTHENTICATED);
    }

    @Test
    void shouldNotLetAServiceKeySpeakAsTheGateway() {
        var userByInvite = signer(invite).sign(Caller.user("u-1"), POST);
        var staffByInvite = signer(invite).sign(Caller.staff("boss", Role.ADMIN), POST);

        assertRefused(verify(userByInvite, POST), CommonErrorCode.UNAUTHENTICATED);
        assertRefused(verify(staffByInvite, POST), CommonErrorCode.UNAUTHENTICATED);
    }

    @Test
    void shouldRefuseTamperedIdentityHeadersAndTheOldHmacForm() {
        var headers = new java.util.HashMap<>(signer(gateway).sign(Caller.user("u-1"), POST));
        headers.put(IdentityHeaders.CALLER, "USER:u-2");
        var roles = new java.util.HashMap<>(signer(gateway).sign(Caller.staff("s", Role.OPS), POST));
        roles.put(IdentityHeaders.ROLES, "ADMIN");
        var v1 = new java.util.HashMap<>(signer(gateway).sign(Caller.user("u-1"), POST));
        v1.put(IdentityHeaders.SIGNATURE, v1.get(IdentityHeaders.SIGNATURE).substring(3));

        assertRefused(verify(headers, POST), CommonErrorCode.UNAUTHENTICATED);
        assertRefused(verify(roles, POST), CommonErrorCode.UNAUTHENTICATED);
        assertRefused(verify(v1, POST), CommonErrorCode.UNAUTHENTICATED);
        assertRefused(verify(Map.of(), POST), CommonErrorCode.UNAUTHENTICATED);
    }

    @Test
    void shouldCarryAHostsCampaignScopeSigned() {
        var headers = signer(gateway).sign(Caller.host("brand-s", Set.of(15L, 12L)), POST);

        assertThat(headers.get(IdentityHeaders.CAMPAIGNS)).isEqualTo("12,15");
        assertThat(verify(headers, POST).caller()).contains(Caller.host("brand-s", Set.of(12L, 15L)));
        assertThat(signer(gateway).sign(Caller.host("brand-a"), POST)).doesNotContainKey(IdentityHeaders.CAMPAIGNS);
    }

    @Test
    void shouldRefuseATamperedCampaignScope() {
        var widened = new java.util.HashMap<>(signer(gateway).sign(Caller.host("brand-s", Set.of(12L)), POST));
        widened.put(IdentityHeaders.CAMPAIGNS, "12,99");
        var dropped = new java.util.HashMap<>(signer(gateway).sign(Caller.host("brand-s", Set.of(12L)), POST));
        dropped.remove(IdentityHeaders.CAMPAIGNS);
        var added = new java.util.HashMap<>(signer(gateway).sign(Caller.host("brand-a"), POST));
        added.put(IdentityHeaders.CAMPAIGNS, "12");

        assertRefused(verify(widened, POST), CommonErrorCode.UNAUTHENTICATED);
        assertRefused(verify(dropped, POST), CommonErrorCode.UNAUTHENTICATED);
        assertRefused(verify(added, POST), CommonErrorCode.UNAUTHENTICATED);
    }

    @Test
    void shouldScopeOnlyHostsAndAnswer403OutsideTheScope() {
        var scoped = Caller.host("brand-s", Set.of(12L, 15L));

        assertThat(scoped.requireCampaign(12)).isSameAs(scoped);
        assertThat(Caller.host("brand-a").requireCampaign(99)).isEqualTo(Caller.host("brand-a"));
        assertThat(Caller.user("u-1").requireCampaign(99)).isEqualTo(Caller.user("u-1"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> scoped.requireCampaign(99))
                .isInstanceOfSatisfying(
                        io.laxin.kernel.error.LaxinException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(CommonErrorCode.CAMPAIGN_OUT_OF_SCOPE));
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new Caller(CallerKind.USER, "u-1", Set.of(), Set.of(12L)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldNotBurnANonceOnABadSignature() {
        var headers = signer(gateway).sign(Caller.user("u-1"), POST);
        var forged = new java.util.HashMap<>(headers);
        forged.put(IdentityHeaders.CALLER, "USER:u-2");

        assertRefused(verify(forged, POST), CommonErrorCode.UNAUTHENTICATED);
        assertThat(verify(headers, POST).caller()).contains(Caller.user("u-1"));
    }

    @Test
    void shouldReadKeysAsConfigured() {
        String pub = IdentityKeys.encode(gateway.getPublic()) + " , " + IdentityKeys.encode(gatewayNext.getPublic());

        assertThat(IdentityKeys.publicKeys(pub)).containsExactly(gateway.getPublic(), gatewayNext.getPublic());
        assertThat(IdentityKeys.publicKeys("")).isEmpty();
        assertThat(IdentityKeys.privateKey(IdentityKeys.encode(gateway.getPrivate())))
                .isEqualTo(gateway.getPrivate());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> IdentityKeys.publicKeys("a,b,c"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldForgetNoncesOnlyAfterTheirTimeAndStayBounded() {
        var clock = new MutableClock(NOW);
        var store = new InMemoryNonceStore(2, clock);

        assertThat(store.firstUse("a", NOW, Duration.ofMinutes(10))).isTrue();
        assertThat(store.firstUse("a", NOW, Duration.ofMinutes(10))).isFalse();
        clock.now = NOW.plus(Duration.ofMinutes(11));
        assertThat(store.firstUse("a", NOW, Duration.ofMinutes(10))).isTrue();
        store.firstUse("b", NOW, Duration.ofMinutes(10));
        store.firstUse("c", NOW, Duration.ofMinutes(10));
        assertThat(store.size()).isLessThanOrEqualTo(2);
    }

    /** A header set used before this process (re)started cannot be replayed after it: the memory began then. */
    @Test
    void shouldRefuseASignatureMadeBeforeTheStoresMemoryBegan() {
        Instant restartedAt = NOW.plus(Duration.ofMinutes(2));
        var store = new InMemoryNonceStore(100, new MutableClock(restartedAt));

        assertThat(store.firstUse("used-before-the-restart", NOW, Duration.ofMinutes(10)))
                .isFalse();
        assertThat(store.firstUse("signed-in-the-second-before", restartedAt.minusSeconds(1), Duration.ofMinutes(10)))
                .as("a call signed just before the second turned")
                .isTrue();
        assertThat(store.firstUse("fresh", restartedAt, Duration.ofMinutes(10))).isTrue();
    }

    /** Beyond its bound the store forgets the oldest nonce; that nonce, and anything older, is refused from then on. */
    @Test
    void shouldRefuseAReplayOfANonceForgottenForSpace() {
        var store = new InMemoryNonceStore(2, new MutableClock(NOW));
        store.firstUse("a", NOW, Duration.ofMinutes(10));
        store.firstUse("b", NOW.plusSeconds(1), Duration.ofMinutes(10));
        store.firstUse("c", NOW.plusSeconds(2), Duration.ofMinutes(10)); // "a" is forgotten

        assertThat(store.firstUse("a", NOW, Duration.ofMinutes(10))).isFalse();
        assertThat(store.firstUse("older", NOW.minusSeconds(30), Duration.ofMinutes(10)))
                .isFalse();
        assertThat(store.firstUse("b", NOW.plusSeconds(1), Duration.ofMinutes(10)))
                .as("still remembered")
                .isFalse();
        assertThat(store.firstUse("d", NOW.plusSeconds(2), Duration.ofMinutes(10)))
                .isTrue();
    }

    private static void assertRefused(IdentityVerifier.Verdict verdict, CommonErrorCode code) {
        assertThat(verdict.caller()).as(verdict.reason()).isEmpty();
        assertThat(verdict.code()).isEqualTo(code);
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
