package io.laxin.reward;

import io.laxin.invite.api.dto.RewardPolicyDTO;
import io.laxin.testsupport.FakeService;
import io.laxin.testsupport.TcpProxy;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * invite-service's internal policy endpoint for reward-service's ITs: a real HTTP server answering
 * {@code GET /internal/campaigns/{id}/policies/{version}} for the policies a test serves, reached through a TCP proxy
 * a test can cut (invite-service down) and restore. Versions behave as invite-service's do: a campaign's first policy
 * is version 1, another policy the next version, the same policy again the same version; a served version never
 * changes.
 */
public final class InvitePolicies {

    private static final FakeService INVITE = FakeService.start();
    private static final TcpProxy PROXY =
            TcpProxy.to("127.0.0.1", URI.create(INVITE.url()).getPort());
    private static final Map<Long, List<RewardPolicyDTO>> VERSIONS = new ConcurrentHashMap<>();

    private InvitePolicies() {}

    /** The base URL reward-service is configured with ({@code laxin.services.invite-url}). */
    public static String url() {
        return "http://127.0.0.1:" + PROXY.port();
    }

    /** Serves the policy as a version of the campaign and answers that version. */
    public static synchronized int serve(long campaignId, RewardPolicyDTO policy) {
        List<RewardPolicyDTO> versions = VERSIONS.computeIfAbsent(campaignId, c -> new ArrayList<>());
        int known = versions.indexOf(policy);
        if (known >= 0) {
            return known + 1;
        }
        versions.add(policy);
        int version = versions.size();
        INVITE.on(
                path(campaignId, version),
                r -> FakeService.Answer.json(Map.of("campaignId", campaignId, "version", version, "policy", policy)));
        return version;
    }

    public static String path(long campaignId, int version) {
        return "/internal/campaigns/" + campaignId + "/policies/" + version;
    }

    /** The requests invite-service received for that policy version. */
    public static List<FakeService.Received> requestsFor(long campaignId, int version) {
        return INVITE.received().stream()
                .filter(r -> r.path().equals(path(campaignId, version)))
                .toList();
    }

    /** invite-service is down: connections are refused until {@link #up()}. */
    public static void down() {
        PROXY.cut();
    }

    public static void up() {
        PROXY.restore();
    }
}
