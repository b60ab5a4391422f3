package io.laxin.faultsuite;

import io.laxin.gateway.auth.HostSignatures;
import io.laxin.gateway.auth.JwtTokens;
import io.laxin.testsupport.TestHttp;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The script's client: every call goes through the gateway, as a staff user (JWT signed with the suite's secret, as
 * the brand's identity provider would) or as the brand's backend (host-signed). A call is repeated — same body, same
 * Idempotency-Key, a fresh nonce — until it gets an answer that is not "unavailable" (connection refused, 5xx, 429),
 * as a client of a suite under faults must; it gives up after {@link #PATIENCE}, which fails the run.
 */
final class Api {

    static final Duration PATIENCE = Duration.ofSeconds(180);
    private final String gateway;
    private final String hostSecret;
    private final JwtTokens tokens;
    final AtomicLong calls = new AtomicLong();
    final AtomicLong retries = new AtomicLong();

    Api(String gateway, String jwtSecret, String hostSecret) {
        this.gateway = gateway;
        this.hostSecret = hostSecret;
        this.tokens = new JwtTokens(
                jwtSecret, "https://login.brand.example", "laxin", Duration.ofSeconds(60), Clock.systemUTC());
    }

    TestHttp.Response staff(String user, String role, String method, String path, Object body, String idempotencyKey) {
        return untilAnswered(method + " " + path, Set.of(), () -> {
            TestHttp http = TestHttp.at(gateway)
                    .timeout(Duration.ofSeconds(30))
                    .bearer(tokens.mint(user, List.of(role), Duration.ofMinutes(10)));
            if (idempotencyKey != null) {
                http = http.header("Idempotency-Key", idempotencyKey);
            }
            return http.send(method, path, body);
        });
    }

    TestHttp.Response user(String user, String path) {
        return untilAnswered(
                "GET " + path,
                Set.of(),
                () -> TestHttp.at(gateway)
                        .timeout(Duration.ofSeconds(30))
                        .bearer(tokens.mint(user, List.of(), Duration.ofMinutes(10)))
                        .get(path));
    }

    TestHttp.Response host(String path, Object body, String idempotencyKey) {
        String json = TestHttp.JSON.writeValueAsString(body);
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return untilAnswered("POST " + path, Set.of(), () -> {
            TestHttp http = TestHttp.at(gateway).timeout(Duration.ofSeconds(30));
            for (var h : HostSignatures.sign(Cluster.HOST_KEY_ID, hostSecret, "POST", path, bytes)
                    .entrySet()) {
                http = http.header(h.getKey(), h.getValue());
            }
            if (idempotencyKey != null) {
                http = http.header("Idempotency-Key", idempotencyKey);
            }
            return http.post(path, json);
        });
    }

    TestHttp.Response hostGet(String pathAndQuery) {
        return untilAnswered("GET " + pathAndQuery, Set.of(), () -> {
            TestHttp http = TestHttp.at(gateway).timeout(Duration.ofSeconds(30));
            for (var h : HostSignatures.sign(Cluster.HOST_KEY_ID, hostSecret, "GET", pathAndQuery, new byte[0])
                    .entrySet()) {
                http = http.header(h.getKey(), h.getValue());
            }
            return http.get(pathAndQuery);
        });
    }

    /** Repeats the call while the suite is unavailable; also while it answers one of {@code retryOn}. */
    private TestHttp.Response untilAnswered(String what, Set<Integer> retryOn, Supplier<TestHttp.Response> call) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        String last = "no answer";
        long pause = 100;
        while (System.nanoTime() < deadline) {
            calls.incrementAndGet();
            try {
                TestHttp.Response r = call.get();
                if (r.status() < 500 && r.status() != 429 && !retryOn.contains(r.status())) {
                    return r;
                }
                last = r.toString();
            } catch (RuntimeException e) {
                last = e.toString();
            }
            retries.incrementAndGet();
            ChildProcess.sleep(pause);
            pause = Math.min(2_000, pause * 2);
        }
        throw new IllegalStateException(what + " unanswered for " + PATIENCE + "; last: " + last);
    }
}
