package io.laxin.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A sibling service stand-in for one service's integration test (the real one runs in the end-to-end test): a JDK
 * HTTP server answering JSON per path, recording what it was sent. It can be stopped to test what happens when the
 * sibling is down.
 */
public final class FakeService implements AutoCloseable {

    /** A canned answer. */
    public record Answer(int status, String contentType, String body) {
        public static Answer json(Object body) {
            return new Answer(200, "application/json", TestHttp.JSON.writeValueAsString(body));
        }
    }

    /** What the fake was sent. */
    /** A request as received; {@code query} is the raw query, null when there is none. */
    public record Received(String method, String path, Map<String, List<String>> headers, String body, String query) {
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    private final HttpServer server;
    private final Map<String, Function<Received, Answer>> routes = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private FakeService(HttpServer server) {
        this.server = server;
    }

    public static FakeService start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            FakeService fake = new FakeService(server);
            server.createContext("/", fake::handle);
            server.start();
            return fake;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers requests to this exact path (any method). */
    public FakeService on(String path, Function<Received, Answer> answer) {
        routes.put(path, answer);
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public void clear() {
        received.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Received r = new Received(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getPath(),
                Map.copyOf(exchange.getRequestHeaders()),
                body,
                exchange.getRequestURI().getRawQuery());
        received.add(r);
        Function<Received, Answer> route = routes.get(r.path());
        Answer answer = route == null
                ? new Answer(404, "application/problem+json", "{\"status\":404,\"code\":\"NOT_FOUND\"}")
                : route.apply(r);
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
