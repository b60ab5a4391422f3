package io.laxin.poster.render;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.laxin.invite.api.InviteApi;
import io.laxin.testsupport.TestHttp;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * A stand-in for invite-service's {@code POST /internal/invites} and
 * {@code GET /internal/campaigns/{id}/top-referrers} on a free local port, answering by campaign id:
 * {@link #UNKNOWN_CAMPAIGN} → 404 CAMPAIGN_NOT_FOUND, {@link #ENDED_CAMPAIGN} → 409 CAMPAIGN_NOT_ACTIVE,
 * {@link #BROKEN_CAMPAIGN} → 500, {@link #SLOW_CAMPAIGN} → no answer until released, any other → an invite (with
 * the mini-program page {@link #MINI_PROGRAM_CAMPAIGN} is configured with, or another set by
 * {@link #miniProgramPage}) or the first {@code limit} of {@link #TOP_REFERRERS}. Records every request it receives.
 */
final class FakeInviteService implements AutoCloseable {

    static final long UNKNOWN_CAMPAIGN = 404;
    static final long ENDED_CAMPAIGN = 409;
    static final long BROKEN_CAMPAIGN = 500;
    static final long SLOW_CAMPAIGN = 504;
    static final long MINI_PROGRAM_CAMPAIGN = 77;
    static final String CAMPAIGN_PAGE = "pages/invite/index";
    private static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    /** Every campaign's leaderboard, best first. */
    static final List<String> TOP_REFERRERS = List.of("ref-1", "ref-2", "ref-3");

    /** A request; {@code body} is null for a GET, {@code query} null when there is none; {@code raw}: the bytes. */
    record Received(
            String method, String path, String query, Map<String, List<String>> headers, JsonNode body, byte[] raw) {

        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    private static final Pattern TOP_REFERRERS_PATH = Pattern.compile("/internal/campaigns/(\\d+)/top-referrers");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch slowAnswers = new CountDownLatch(1);
    private final Map<Long, String> pages = new ConcurrentHashMap<>();

    private FakeInviteService() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(InviteApi.ISSUE_PATH, this::handle);
        server.createContext("/internal/campaigns/", this::topReferrers);
        pages.put(MINI_PROGRAM_CAMPAIGN, CAMPAIGN_PAGE);
        server.setExecutor(executor);
        server.start();
    }

    static FakeInviteService start() {
        try {
            return new FakeInviteService();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the fake invite-service", e);
        }
    }

    /** Every campaign's name is this prefix and its id (the built-in poster's headline). */
    static final String CAMPAIGN_NAME_PREFIX = "双十二邀请好友 #";

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The user's invite code in the campaign: one per campaign and user, as invite-service's are. */
    static String code(long campaignId, String userId) {
        long h = Integer.toUnsignedLong((campaignId + ":" + userId).hashCode());
        StringBuilder code = new StringBuilder("K");
        for (int i = 0; i < 6; i++, h /= ALPHABET.length()) {
            code.append(ALPHABET.charAt((int) (h % ALPHABET.length())));
        }
        return code.toString();
    }

    static String shareLink(long campaignId, String userId) {
        return "https://h5.laxin.test/i/" + code(campaignId, userId) + "?c=poster&campaign=" + campaignId + "&u="
                + userId;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** Requests to a path that starts with {@code prefix}. */
    List<Received> received(String prefix) {
        return received.stream().filter(r -> r.path().startsWith(prefix)).toList();
    }

    /** Configures a campaign for a mini-program page (null: H5 only). */
    void miniProgramPage(long campaignId, String page) {
        if (page == null) {
            pages.remove(campaignId);
        } else {
            pages.put(campaignId, page);
        }
    }

    void reset() {
        received.clear();
        pages.clear();
        pages.put(MINI_PROGRAM_CAMPAIGN, CAMPAIGN_PAGE);
        releaseSlowAnswers();
        slowAnswers = new CountDownLatch(1);
    }

    void releaseSlowAnswers() {
        slowAnswers.countDown();
    }

    @Override
    public void close() {
        releaseSlowAnswers();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange;
                InputStream in = exchange.getRequestBody()) {
            byte[] raw = in.readAllBytes();
            JsonNode body = TestHttp.JSON.readTree(raw);
            received.add(new Received(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    body,
                    raw));
            if (!"POST".equals(exchange.getRequestMethod())) {
                problem(exchange, 405, "METHOD_NOT_ALLOWED");
                return;
            }
            long campaignId = body.get("campaignId").asLong();
            String userId = body.get("userId").asString();
            if (campaignId == UNKNOWN_CAMPAIGN) {
                problem(exchange, 404, "CAMPAIGN_NOT_FOUND");
            } else if (campaignId == ENDED_CAMPAIGN) {
                problem(exchange, 409, "CAMPAIGN_NOT_ACTIVE");
            } else if (campaignId == BROKEN_CAMPAIGN) {
                problem(exchange, 500, "INTERNAL_ERROR");
            } else {
                if (campaignId == SLOW_CAMPAIGN) {
                    awaitRelease();
                }
                Map<String, Object> invite = new HashMap<>(Map.of(
                        "campaignId",
                        campaignId,
                        "userId",
                        userId,
                        "code",
                        code(campaignId, userId),
                        "shareLink",
                        shareLink(campaignId, userId)));
                invite.put("miniProgramPage", pages.get(campaignId));
                invite.put("campaignName", CAMPAIGN_NAME_PREFIX + campaignId);
                respond(exchange, 200, "application/json", invite);
            }
        }
    }

    /** {@code GET /internal/campaigns/{id}/top-referrers?limit=N}. */
    private void topReferrers(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            received.add(new Received(
                    exchange.getRequestMethod(),
                    path,
                    query,
                    Map.copyOf(exchange.getRequestHeaders()),
                    null,
                    new byte[0]));
            Matcher m = TOP_REFERRERS_PATH.matcher(path);
            if (!"GET".equals(exchange.getRequestMethod())
                    || !m.matches()
                    || query == null
                    || !query.startsWith("limit=")) {
                problem(exchange, 400, "VALIDATION_FAILED");
                return;
            }
            long campaignId = Long.parseLong(m.group(1));
            int limit = Integer.parseInt(query.substring("limit=".length()));
            if (campaignId == UNKNOWN_CAMPAIGN) {
                problem(exchange, 404, "CAMPAIGN_NOT_FOUND");
            } else if (campaignId == BROKEN_CAMPAIGN) {
                problem(exchange, 500, "INTERNAL_ERROR");
            } else {
                List<Map<String, Object>> top = new ArrayList<>();
                for (int i = 0; i < Math.min(limit, TOP_REFERRERS.size()); i++) {
                    top.add(Map.of("rank", i + 1, "userId", TOP_REFERRERS.get(i), "invitees", 30 - i));
                }
                respond(exchange, 200, "application/json", top);
            }
        }
    }

    private void awaitRelease() {
        try {
            slowAnswers.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void problem(HttpExchange exchange, int status, String code) throws IOException {
        respond(
                exchange,
                status,
                "application/problem+json",
                Map.of("status", status, "code", code, "title", code, "detail", "fake invite-service says " + code));
    }

    private static void respond(HttpExchange exchange, int status, String contentType, Object body) throws IOException {
        byte[] bytes = TestHttp.JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        try {
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException clientGone) {
            // the caller timed out and closed the connection (the slow campaign): nothing to answer
        }
    }
}
