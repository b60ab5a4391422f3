package io.laxin.invite;

import io.laxin.kernel.identity.Caller;
import io.laxin.testsupport.TestHttp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Load driver for the two hot paths of invite-service, against the service in this JVM on the test run's real
 * MySQL, Redis and broker: resolving a share link ({@code GET /s/{code}}: Redis touch counting, code served from
 * Redis, 302) and attributing a registration ({@code POST /api/v1/host/registrations}, antifraud a local fake that
 * answers PASS). Not part of the default build (the name matches neither surefire's nor failsafe's patterns); run
 * {@code ./mvnw -B -o verify -pl invite-service/invite-server -Dit.test=InviteBenchmark -Dtest=NONE
 * -Dsurefire.failIfNoSpecifiedTests=false -Dbench.threads=8 -Dbench.seconds=10}. See docs/benchmarks/invite.md.
 * Prints figures (and MySQL's global SELECT count during the share-link run); asserts nothing about time.
 */
class InviteBenchmark extends InviteItSupport {

    private static final int THREADS = Integer.getInteger("bench.threads", 8);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 10);

    private record Run(long requests, double seconds, long p50Micros, long p99Micros, long errors) {
        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "%d requests in %.1f s = %.0f req/s, p50 %.1f ms, p99 %.1f ms, " + "%d errors",
                    requests,
                    seconds,
                    requests / seconds,
                    p50Micros / 1000.0,
                    p99Micros / 1000.0,
                    errors);
        }
    }

    @Test
    void shareLinkResolveAndAttribution() throws Exception {
        long campaign = createCampaign();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            codes.add(codeOf(campaign, "bench-ref-" + campaign + "-" + i));
        }
        AtomicLong n = new AtomicLong();
        Function<TestHttp, Integer> resolve = http -> {
            String code = codes.get(ThreadLocalRandom.current().nextInt(codes.size()));
            return http.header("User-Agent", "Mozilla/5.0 (iPhone) MicroMessenger/8.0.44")
                    .header("X-Device-Id", "bench-dev-" + n.incrementAndGet())
                    .get("/s/" + code + "?ch=moments")
                    .status();
        };
        run(resolve, 302); // warm-up
        long selectsBefore = mysqlSelects();
        Run links = run(resolve, 302);
        long selects = mysqlSelects() - selectsBefore;
        System.out.printf(
                Locale.ROOT, "benchmark share link: %s; MySQL SELECTs meanwhile (whole server): %d%n", links, selects);

        Function<TestHttp, Integer> register = http -> {
            String code = codes.get(ThreadLocalRandom.current().nextInt(codes.size()));
            return http.post(
                            "/api/v1/host/registrations",
                            Map.of(
                                    "campaignId",
                                    campaign,
                                    "inviteeUserId",
                                    "bench-inv-" + n.incrementAndGet(),
                                    "inviteCode",
                                    code))
                    .status();
        };
        run(register, 200);
        Run attributions = run(register, 200);
        System.out.printf(Locale.ROOT, "benchmark attribution: %s%n", attributions);
    }

    private Run run(Function<TestHttp, Integer> call, int expected) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long started = System.nanoTime();
        long end = started + SECONDS * 1_000_000_000L;
        AtomicLong errors = new AtomicLong();
        List<Future<long[]>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            futures.add(pool.submit(() -> {
                TestHttp http = expected == 302 ? as(Caller.anonymous()) : host();
                long[] lat = new long[1 << 14];
                int count = 0;
                while (System.nanoTime() < end) {
                    long s = System.nanoTime();
                    if (call.apply(http) != expected) {
                        errors.incrementAndGet();
                    }
                    if (count == lat.length) {
                        lat = Arrays.copyOf(lat, lat.length * 2);
                    }
                    lat[count++] = System.nanoTime() - s;
                }
                return Arrays.copyOf(lat, count);
            }));
        }
        List<long[]> parts = new ArrayList<>();
        for (Future<long[]> f : futures) {
            parts.add(f.get());
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        long[] all = parts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Run(
                all.length, elapsed, all[all.length / 2] / 1000, all[(int) (all.length * 0.99)] / 1000, errors.get());
    }

    private long mysqlSelects() {
        return jdbc.query("SHOW GLOBAL STATUS LIKE 'Com_select'", (rs, i) -> rs.getLong(2))
                .get(0);
    }
}
