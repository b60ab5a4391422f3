package io.laxin.poster.render;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.laxin.invite.api.InviteApi;
import io.laxin.testsupport.TestHttp;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for invite-service's {@code POST /internal/invites} on a free local port, answering by campaign id:
 * {@link #UNKNOWN_CAMPAIGN} → 404 CAMPAIGN_NOT_FOUND, {@link #ENDED_CAMPAIGN} → 409 CAMPAIGN_NOT_ACTIVE,
 * {@link #BROKEN_CAMPAIGN} → 500, {@link #SLOW_CAMPAIGN} → no answer until released, any other → an invite.
 * Records every request it receives.
 */
final class FakeInviteService implements AutoCloseable {

    static final long UNKNOWN_CAMPAIGN = 404;
    static final long ENDED_CAMPAIGN = 409;
    static final long BROKEN_CAMPAIGN = 500;
    static final long SLOW_CAMPAIGN = 504;
    static final String CODE = "K7M2QX";

    record Received(String method, String path, Map<String, List<String>> headers, JsonNode body) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch slowAnswers = new CountDownLatch(1);

    private FakeInviteService() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(InviteApi.ISSUE_PATH, this::handle);
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

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    static String shareLink(long campaignId, String userId) {
        return "https://h5.laxin.test/i/" + CODE + "?c=poster&campaign=" + campaignId + "&u=" + userId;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    void reset() {
        received.clear();
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
        try (exchange; InputStream in = exchange.getRequestBody()) {
            JsonNode body = TestHttp.JSON.readTree(in.readAllBytes());
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    Map.copyOf(exchange.getRequestHeaders()), body));
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
                respond(exchange, 200, "application/json", Map.of("campaignId", campaignId, "userId", userId,
                        "code", CODE, "shareLink", shareLink(campaignId, userId)));
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
        respond(exchange, status, "application/problem+json", Map.of("status", status, "code", code,
                "title", code, "detail", "fake invite-service says " + code));
    }

    private static void respond(HttpExchange exchange, int status, String contentType, Object body)
            throws IOException {
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
