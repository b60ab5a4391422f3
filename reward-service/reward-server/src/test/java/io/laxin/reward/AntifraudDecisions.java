package io.laxin.reward;

import io.laxin.antifraud.api.dto.RiskDecisionDTO;
import io.laxin.antifraud.api.dto.Verdict;
import io.laxin.testsupport.FakeService;
import io.laxin.testsupport.TcpProxy;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * antifraud-service's internal decision endpoint for reward-service's ITs: a real HTTP server answering
 * {@code GET /internal/risk-decisions/{caseId}} for the cases a test decided (404 {@code DECISION_NOT_FOUND} for the
 * ones it names as unknown), reached through a TCP proxy a test can cut (antifraud-service down) and restore.
 */
public final class AntifraudDecisions {

    private static final FakeService ANTIFRAUD = FakeService.start();
    private static final TcpProxy PROXY =
            TcpProxy.to("127.0.0.1", URI.create(ANTIFRAUD.url()).getPort());

    private AntifraudDecisions() {}

    /** The base URL reward-service is configured with ({@code laxin.services.antifraud-url}). */
    public static String url() {
        return "http://127.0.0.1:" + PROXY.port();
    }

    /** antifraud-service decided the case so. */
    public static void decided(long caseId, long campaignId, String invitee, String referrer, Verdict verdict) {
        RiskDecisionDTO decision = new RiskDecisionDTO(
                caseId, campaignId, invitee, referrer, null, verdict, List.of(), "ops-1", Instant.now());
        ANTIFRAUD.on(path(caseId), r -> FakeService.Answer.json(decision));
    }

    /** antifraud-service has no decided case of this id (none, or still open). */
    public static void unknown(long caseId) {
        ANTIFRAUD.on(
                path(caseId),
                r -> new FakeService.Answer(
                        404,
                        "application/problem+json",
                        "{\"status\":404,\"code\":\"DECISION_NOT_FOUND\",\"number\":50032}"));
    }

    public static String path(long caseId) {
        return "/internal/risk-decisions/" + caseId;
    }

    /** The requests antifraud-service received for that case. */
    public static List<FakeService.Received> requestsFor(long caseId) {
        return ANTIFRAUD.received().stream()
                .filter(r -> r.path().equals(path(caseId)))
                .toList();
    }

    /** antifraud-service is down: connections are refused until {@link #up()}. */
    public static void down() {
        PROXY.cut();
    }

    public static void up() {
        PROXY.restore();
    }
}
