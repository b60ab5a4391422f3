package io.laxin.invite;

import static io.laxin.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.IdentityHeaders;
import io.laxin.kernel.identity.InternalRequest;
import io.laxin.kernel.identity.Role;
import io.laxin.testsupport.FakeService;
import io.laxin.testsupport.TestHttp;
import io.laxin.testsupport.TestKeys;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * ADR 0007 at a real service: a header set signed for one request is good for that request once — not with another
 * body, another query, at another service, a second time — and a service's key cannot speak as the gateway.
 */
class InternalIdentityIT extends InviteItSupport {

    private static final String INTERNAL_INVITES = "/internal/invites";

    private Map<String, String> signed(
            Caller caller, String method, String path, String query, String body, String target) {
        return TestKeys.signerFor(caller)
                .sign(
                        caller,
                        new InternalRequest(
                                method,
                                path,
                                query,
                                body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                                target));
    }

    /** Sends exactly these headers (no fresh signature), as someone replaying a captured request would. */
    private TestHttp.Response send(Map<String, String> headers, String method, String pathAndQuery, String body) {
        TestHttp http = TestHttp.at("http://127.0.0.1:" + port);
        for (var h : headers.entrySet()) {
            http = http.header(h.getKey(), h.getValue());
        }
        return http.send(method, pathAndQuery, body);
    }

    private static String inviteBody(long campaign, String user) {
        return "{\"campaignId\":" + campaign + ",\"userId\":\"" + user + "\",\"channel\":\"poster\"}";
    }

    @Test
    void shouldTakeACapturedHeaderSetOnlyWithItsOwnBody() {
        long campaign = createCampaign();
        String body = inviteBody(campaign, "id-ann");
        var headers = signed(Caller.service("poster-service"), "POST", INTERNAL_INVITES, null, body, "invite-service");

        var otherBody = send(headers, "POST", INTERNAL_INVITES, inviteBody(campaign, "id-mallory"));
        var own = send(headers, "POST", INTERNAL_INVITES, body);

        assertProblem(otherBody, 401, "UNAUTHENTICATED");
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(own.json().get("userId").asString()).isEqualTo("id-ann");
    }

    @Test
    void shouldTakeACapturedHeaderSetOnlyWithItsOwnQueryInAnyOrder() {
        long campaign = createCampaign();
        String mine = "/api/v1/invites/mine";
        var headers =
                signed(Caller.user("id-bob"), "GET", mine, "campaignId=" + campaign + "&x=1", null, "invite-service");

        var otherQuery = send(headers, "GET", mine + "?campaignId=" + (campaign + 1000) + "&x=1", null);
        var reordered = send(headers, "GET", mine + "?x=1&campaignId=" + campaign, null);

        assertProblem(otherQuery, 401, "UNAUTHENTICATED");
        assertThat(reordered.status()).as(reordered.toString()).isEqualTo(200);
    }

    @Test
    void shouldRefuseAHeaderSetSignedForAnotherService() {
        long campaign = createCampaign();
        String query = "campaignId=" + campaign;
        var forReward = signed(Caller.user("id-cid"), "GET", "/api/v1/invites/mine", query, null, "reward-service");

        assertProblem(send(forReward, "GET", "/api/v1/invites/mine?" + query, null), 401, "UNAUTHENTICATED");
    }

    @Test
    void shouldTakeAHeaderSetOnceAndRefuseItsReplayWithItsOwnCode() {
        long campaign = createCampaign();
        String pathAndQuery = "/api/v1/invites/mine?campaignId=" + campaign;
        var headers = signed(
                Caller.user("id-dee"), "GET", "/api/v1/invites/mine", "campaignId=" + campaign, null, "invite-service");

        var first = send(headers, "GET", pathAndQuery, null);
        var second = send(headers, "GET", pathAndQuery, null);

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertProblem(second, 401, "SIGNATURE_REPLAYED");
    }

    @Test
    void shouldNotLetAServiceKeySpeakAsTheGatewayOrAsAnotherService() {
        long campaign = createCampaign();
        String query = "campaignId=" + campaign;
        var userByPoster = TestKeys.signer("poster-service")
                .sign(
                        Caller.user("id-eve"),
                        new InternalRequest("GET", "/api/v1/invites/mine", query, null, "invite-service"));
        var staffByPoster = TestKeys.signer("poster-service")
                .sign(
                        Caller.staff("id-eve", Role.ADMIN),
                        new InternalRequest(
                                "GET", "/api/v1/admin/campaigns/" + campaign, null, null, "invite-service"));
        var rewardByPoster = TestKeys.signer("poster-service")
                .sign(
                        Caller.service("reward-service"),
                        new InternalRequest("GET", "/api/v1/invites/mine", query, null, "invite-service"));

        assertProblem(send(userByPoster, "GET", "/api/v1/invites/mine?" + query, null), 401, "UNAUTHENTICATED");
        assertProblem(send(staffByPoster, "GET", "/api/v1/admin/campaigns/" + campaign, null), 401, "UNAUTHENTICATED");
        assertProblem(send(rewardByPoster, "GET", "/api/v1/invites/mine?" + query, null), 401, "UNAUTHENTICATED");
    }

    @Test
    void shouldSignItsOwnCallsToAntifraudForAntifraudWithTheirBody() {
        long campaign = createCampaign();
        String code = codeOf(campaign, "id-fay");
        ANTIFRAUD.clear();

        assertThat(register(campaign, "id-fay-friend", code).status()).isLessThan(300);

        FakeService.Received call = ANTIFRAUD.received().stream()
                .filter(r -> r.path().equals("/internal/screenings"))
                .findFirst()
                .orElseThrow();
        assertThat(call.header(IdentityHeaders.CALLER)).isEqualTo("SERVICE:invite-service");
        var request = new InternalRequest(
                call.method(),
                call.path(),
                call.query(),
                call.body().getBytes(StandardCharsets.UTF_8),
                "antifraud-service");
        assertThat(TestKeys.verifier("reward-service")
                        .verify(
                                call::header,
                                new InternalRequest(
                                        call.method(), call.path(), call.query(), request.body(), "reward-service"))
                        .caller())
                .isEmpty();
        assertThat(TestKeys.verifier("antifraud-service")
                        .verify(call::header, request)
                        .caller())
                .contains(Caller.service("invite-service"));
    }

    @Test
    void shouldRefuseABodyOverTheLimitBeforeReadingIt() {
        String huge = "{\"pad\":\"" + "x".repeat(1024 * 1024 + 10) + "\"}";
        var headers = signed(Caller.service("poster-service"), "POST", INTERNAL_INVITES, null, huge, "invite-service");

        assertProblem(send(headers, "POST", INTERNAL_INVITES, huge), 413, "PAYLOAD_TOO_LARGE");
    }
}
