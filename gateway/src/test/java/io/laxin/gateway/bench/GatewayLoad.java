package io.laxin.gateway.bench;

import com.sun.net.httpserver.HttpServer;
import io.laxin.gateway.GatewayApplication;
import io.laxin.gateway.auth.JwtTokens;
import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.IdentityKeys;
import io.laxin.kernel.identity.IdentitySigner;
import io.laxin.kernel.identity.InternalRequest;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The gateway's load driver (not a test: run it by hand, see docs/benchmarks/gateway.md). Loopback only, bounded
 * loops, closed-loop clients on plain threads.
 *
 * <ul>
 *   <li>{@code overhead GATEWAY INVITE CODE}: {@code /s/CODE} through the gateway (with the configured Sentinel
 *       rules, and with none) vs straight to invite-service (each request signed afresh with the gateway's key,
 *       {@code LAXIN_GATEWAY_PRIVATE_KEY}); warm until two
 *       10 s chunks agree within 3 %, then three interleaved rounds, medians.</li>
 *   <li>{@code noisy GATEWAY CAMPAIGN}: quiet users' latency on {@code /api/v1/invites/mine} alone, then while one
 *       noisy user hammers the same route under a per-user limit ({@code -DnoisyPauseMs=N}: each of its 8 clients
 *       pauses N ms between calls, an offered load instead of as fast as the driver can send).</li>
 *   <li>{@code outage}: a gateway in this JVM in front of a downstream that starts failing slowly (2 s, then 500)
 *       and recovers; per-second statuses and latency show fast 503s while the breaker is open and the recovery.</li>
 * </ul>
 * {@code LAXIN_JWT_HMAC_SECRET} mints the user and ADMIN tokens (the local run takes it from the environment).
 */
public final class GatewayLoad {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private GatewayLoad() {}

    public static void main(String[] args) throws Exception {
        switch (args.length == 0 ? "" : args[0]) {
            case "overhead" -> overhead(args[1], args[2], args[3]);
            case "noisy" -> noisy(args[1], args[2]);
            case "outage" -> outage();
            default -> System.out.println("usage: overhead GATEWAY INVITE CODE | noisy GATEWAY CAMPAIGN | outage");
        }
        System.exit(0);
    }

    // ---------------------------------------------------------------- measuring

    /** Latencies (µs) and statuses of one closed-loop run. */
    record Result(String name, double seconds, long[] micros, Map<Integer, Long> statuses) {
        double rps() {
            return micros.length / seconds;
        }

        double percentile(double p) {
            if (micros.length == 0) {
                return 0;
            }
            return micros[(int) Math.min(micros.length - 1, Math.ceil(p * micros.length) - 1)] / 1000.0;
        }

        @Override
        public String toString() {
            return String.format(
                    "%-26s %8.0f req/s  p50 %7.2f ms  p99 %7.2f ms  statuses %s",
                    name, rps(), percentile(0.50), percentile(0.99), statuses);
        }
    }

    /** {@code threads} clients, each sending {@code request(thread)} back to back for {@code duration}. */
    static Result run(String name, int threads, Duration duration, IntFunction<HttpRequest> request, long pauseMillis)
            throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        List<long[]> perThread = new ArrayList<>();
        int[] counts = new int[threads];
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        List<Thread> workers = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            long[] buffer = new long[4_000_000 / threads];
            perThread.add(buffer);
            int id = t;
            Thread w = new Thread(() -> {
                while (System.nanoTime() < end && counts[id] < buffer.length) {
                    long t0 = System.nanoTime();
                    int status;
                    try {
                        status = CLIENT.send(request.apply(id), HttpResponse.BodyHandlers.discarding())
                                .statusCode();
                    } catch (Exception e) {
                        status = -1;
                    }
                    buffer[counts[id]++] = (System.nanoTime() - t0) / 1000;
                    statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                    if (pauseMillis > 0) {
                        try {
                            Thread.sleep(pauseMillis);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            });
            w.start();
            workers.add(w);
        }
        for (Thread w : workers) {
            w.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(perThread.get(t), 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        Map<Integer, Long> s = new TreeMap<>();
        statuses.forEach((k, v) -> s.put(k, v.get()));
        return new Result(name, seconds, all, s);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        return sorted.get(sorted.size() / 2);
    }

    private static String env(String name) {
        String v = System.getenv(name);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("Set " + name + " (the same value the local run was started with)");
        }
        return v;
    }

    private static JwtTokens tokens() {
        return new JwtTokens(
                env("LAXIN_JWT_HMAC_SECRET"),
                "https://login.brand.example",
                "laxin",
                Duration.ofSeconds(60),
                Clock.systemUTC());
    }

    private static int send(String method, String url, String bearer, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + bearer);
        if (json == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    // ---------------------------------------------------------------- (c) gateway overhead

    static void overhead(String gateway, String invite, String code) throws Exception {
        String admin = tokens().mint("bench-admin", List.of("ADMIN"), Duration.ofHours(1));
        IdentitySigner signer =
                new IdentitySigner(IdentityKeys.privateKey(env("LAXIN_GATEWAY_PRIVATE_KEY")), Clock.systemUTC());
        String path = "/s/" + code;
        HttpRequest viaGateway =
                HttpRequest.newBuilder(URI.create(gateway + path)).GET().build();
        // each signed header set is accepted once (a nonce, ADR 0007): sign every direct request, as the gateway does
        IntFunction<HttpRequest> directRequest = t -> {
            HttpRequest.Builder b =
                    HttpRequest.newBuilder(URI.create(invite + path)).GET();
            signer.sign(Caller.anonymous(), new InternalRequest("GET", path, null, null, "invite-service"))
                    .forEach(b::header);
            return b.build();
        };
        int threads = Integer.parseInt(System.getProperty("threads", "16"));
        Duration chunk = Duration.ofSeconds(Long.parseLong(System.getProperty("seconds", "10")));

        System.out.println("Warming (10 s chunks until two agree within 3 %, at most 8):");
        double previous = 0;
        for (int i = 0; i < 8; i++) {
            Result g = run("warm gateway", threads, chunk, t -> viaGateway, 0);
            Result d = run("warm direct", threads, chunk, directRequest, 0);
            System.out.println("  " + g + "\n  " + d);
            if (previous > 0 && Math.abs(g.rps() - previous) / previous < 0.03) {
                break;
            }
            previous = g.rps();
        }
        Map<String, List<Double>> rps = new TreeMap<>();
        Map<String, List<Double>> p99 = new TreeMap<>();
        Map<String, List<Double>> p50 = new TreeMap<>();
        for (int round = 1; round <= 3; round++) {
            System.out.println("Round " + round + ":");
            List<Result> results = new ArrayList<>();
            results.add(run("direct invite-service", threads, chunk, directRequest, 0));
            send("DELETE", gateway + "/api/v1/admin/gateway/flow-rules", admin, null);
            results.add(run("gateway, configured rules", threads, chunk, t -> viaGateway, 0));
            send("PUT", gateway + "/api/v1/admin/gateway/flow-rules", admin, "{\"routes\":{},\"services\":{}}");
            results.add(run("gateway, no rules", threads, chunk, t -> viaGateway, 0));
            send("DELETE", gateway + "/api/v1/admin/gateway/flow-rules", admin, null);
            for (Result r : results) {
                System.out.println("  " + r);
                rps.computeIfAbsent(r.name(), k -> new ArrayList<>()).add(r.rps());
                p50.computeIfAbsent(r.name(), k -> new ArrayList<>()).add(r.percentile(0.5));
                p99.computeIfAbsent(r.name(), k -> new ArrayList<>()).add(r.percentile(0.99));
            }
        }
        System.out.println("Medians of three (" + threads + " clients):");
        rps.keySet()
                .forEach(k -> System.out.printf(
                        "  %-26s %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms%n",
                        k, median(rps.get(k)), median(p50.get(k)), median(p99.get(k))));
    }

    // ---------------------------------------------------------------- (a) one noisy user

    static void noisy(String gateway, String campaign) throws Exception {
        JwtTokens tokens = tokens();
        String admin = tokens.mint("bench-admin", List.of("ADMIN"), Duration.ofHours(1));
        String path = gateway + "/api/v1/invites/mine?campaignId=" + campaign;
        List<HttpRequest> quiet = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            quiet.add(HttpRequest.newBuilder(URI.create(path))
                    .header("Authorization", "Bearer " + tokens.mint("quiet-" + i, List.of(), Duration.ofHours(1)))
                    .GET()
                    .build());
        }
        HttpRequest noisyRequest = HttpRequest.newBuilder(URI.create(path))
                .header("Authorization", "Bearer " + tokens.mint("noisy", List.of(), Duration.ofHours(1)))
                .GET()
                .build();
        int status = send(
                "PUT",
                gateway + "/api/v1/admin/gateway/flow-rules",
                admin,
                "{\"routes\":{\"invite-codes\":{\"qps\":100000,\"perUserQps\":20}},\"services\":{}}");
        System.out.println("Rules: invite-codes per user 20 req/s (PUT answered " + status + ")");
        run("warm", 4, Duration.ofSeconds(10), quiet::get, 20);
        Thread.sleep(1_100); // the warm-up exceeds the per-user limit; let its one-second window pass
        Result alone = run("quiet users, alone", 4, Duration.ofSeconds(15), quiet::get, 100);
        AtomicBoolean done = new AtomicBoolean();
        Result[] noisyResult = new Result[1];
        Thread noisyThread = new Thread(() -> {
            try {
                noisyResult[0] = run(
                        "noisy user (8 clients)",
                        8,
                        Duration.ofSeconds(15),
                        t -> noisyRequest,
                        Long.getLong("noisyPauseMs", 0));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            done.set(true);
        });
        noisyThread.start();
        Result withNoisy = run("quiet users, with noisy", 4, Duration.ofSeconds(15), quiet::get, 100);
        noisyThread.join();
        send("DELETE", gateway + "/api/v1/admin/gateway/flow-rules", admin, null);
        System.out.println(alone + "\n" + withNoisy + "\n" + noisyResult[0]);
    }

    // ---------------------------------------------------------------- (b) downstream outage

    static void outage() throws Exception {
        AtomicBoolean failing = new AtomicBoolean();
        HttpServer downstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        downstream.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(64));
        downstream.createContext("/", exchange -> {
            try {
                if (failing.get()) {
                    Thread.sleep(2000);
                    exchange.sendResponseHeaders(500, -1);
                } else {
                    byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                exchange.close();
            }
        });
        downstream.start();
        String url = "http://127.0.0.1:" + downstream.getAddress().getPort();
        String jwtSecret = io.laxin.kernel.web.RequestIds.acceptOrCreate(null)
                + io.laxin.kernel.web.RequestIds.acceptOrCreate(null);
        ConfigurableApplicationContext gateway = GatewayApplication.application()
                .run(
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--laxin.identity.private-key="
                                + IdentityKeys.encode(IdentityKeys.generate().getPrivate()),
                        "--laxin.gateway.auth.jwt-hmac-secret=" + jwtSecret,
                        "--laxin.gateway.flow.log-dir=target/bench-logs",
                        "--laxin.services.invite-url=" + url,
                        "--laxin.services.reward-url=" + url,
                        "--laxin.services.poster-url=" + url,
                        "--laxin.services.antifraud-url=" + url,
                        "--laxin.services.webhook-url=" + url,
                        "--laxin.gateway.flow.services.invite-service.error-ratio=0.5",
                        "--laxin.gateway.flow.services.invite-service.min-requests=10",
                        "--laxin.gateway.flow.services.invite-service.stat-interval-seconds=5",
                        "--laxin.gateway.flow.services.invite-service.open-seconds=3",
                        "--laxin.gateway.flow.routes.invite-codes.per-user-qps=0",
                        "--logging.level.root=WARN");
        int port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
        String token = new JwtTokens(
                        jwtSecret, "https://login.brand.example", "laxin", Duration.ofSeconds(60), Clock.systemUTC())
                .mint("u-1", List.of(), Duration.ofHours(1));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/invites/mine"))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        System.out.println("Breaker: invite-service opens at 50 % failures of >= 10 calls in 5 s, open 3 s. "
                + "8 clients. Downstream healthy 0-5 s, failing (2 s then 500) 5-15 s, healthy again from 15 s.");
        run("warm", 8, Duration.ofSeconds(5), t -> request, 0);
        for (int second = 0; second < 25; second++) {
            failing.set(second >= 5 && second < 15);
            Result r = run(
                    String.format("t=%2ds %s", second, failing.get() ? "failing" : "healthy"),
                    8,
                    Duration.ofSeconds(1),
                    t -> request,
                    0);
            System.out.println(r);
        }
        gateway.close();
        downstream.stop(0);
    }
}
