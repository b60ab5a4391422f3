package io.laxin.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A brand's webhook receiver for the ITs: a JDK HTTP server on 127.0.0.1 that answers the scripted statuses in turn
 * (then {@code otherwise}), and keeps every request it got.
 */
public final class Receiver implements AutoCloseable {

    public record Request(Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    private final HttpServer server;
    private final Queue<Integer> script = new ConcurrentLinkedQueue<>();
    private volatile int otherwise;
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private Receiver(int otherwise, List<Integer> first) throws IOException {
        this.otherwise = otherwise;
        this.script.addAll(first);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "receiver");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Request(Map.copyOf(exchange.getRequestHeaders()), body));
            Integer status = script.poll();
            int code = status == null ? this.otherwise : status;
            byte[] answer = ("{\"status\":" + code + ",\"note\":\"" + "x".repeat(2000) + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(code, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
    }

    /** Answers {@code first} in turn, then {@code otherwise} for ever. */
    public static Receiver answering(int otherwise, Integer... first) {
        try {
            return new Receiver(otherwise, List.of(first));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public void answerFromNowOn(int status) {
        script.clear();
        otherwise = status;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/laxin/webhooks";
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
