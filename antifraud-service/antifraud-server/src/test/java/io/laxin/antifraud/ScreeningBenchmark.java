package io.laxin.antifraud;

import static org.assertj.core.api.Assertions.assertThat;

import io.laxin.antifraud.api.ScreeningApi;
import io.laxin.antifraud.screening.web.ScreeningGuard;
import io.laxin.testsupport.TestInfrastructure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Load driver for the screening endpoint, all rules on, against the service started in this JVM on the real MySQL
 * and Redis of the test run. Not part of the default build (the name matches neither surefire's nor failsafe's
 * patterns); run it with
 * {@code ./mvnw -B -o verify -pl antifraud-service/antifraud-server -Dit.test=ScreeningBenchmark -Dtest=NONE
 * -Dsurefire.failIfNoSpecifiedTests=false} (options: {@code -Dbench.threads=8 -Dbench.seconds=10}).
 * Warms up in chunks until two agree within 3 %, then reports the median of three runs, and the Redis commands per
 * screening (from {@code INFO commandstats}). Prints figures; asserts nothing about time.
 */
class ScreeningBenchmark extends AntifraudIT {

    @Autowired
    ScreeningGuard guard;

    @Autowired
    StringRedisTemplate redis;

    private record Run(long requests, double seconds, long p50Micros, long p99Micros, long errors) {
        double throughput() {
            return requests / seconds;
        }
    }

    private final AtomicLong sequence = new AtomicLong();

    private Map<String, Object> registration() {
        long n = sequence.incrementAndGet();
        ThreadLocalRandom r = ThreadLocalRandom.current();
        Instant now = Instant.now();
        Map<String, Object> b = new HashMap<>();
        b.put("campaignId", 1 + (n % 20));
        b.put("referrerUserId", "bench-ref-" + r.nextInt(5000));
        b.put("inviteeUserId", "bench-inv-" + n);
        b.put("referrerDeviceId", "bench-rdev-" + r.nextInt(100000));
        b.put("inviteeDeviceId", "bench-dev-" + r.nextInt(1_000_000));
        b.put("referrerPhoneHash", "rph-" + r.nextInt(1_000_000));
        b.put("inviteePhoneHash", "ph-" + n);
        b.put("ip", "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(256));
        b.put("userAgent", "Mozilla/5.0 MicroMessenger/8.0");
        b.put("touchedAt", now.minusSeconds(120).toString());
        b.put("registeredAt", now.toString());
        b.put("referrerOpenid", "roid-" + r.nextInt(100000));
        b.put("referrerUnionid", "ruid-" + r.nextInt(100000));
        b.put("inviteeOpenid", "oid-" + n);
        b.put("inviteeUnionid", "uid-" + r.nextInt(1_000_000));
        b.put("inviteePhonePrefix", r.nextInt(10) == 0 ? "170" : "138");
        b.put("emulator", r.nextInt(50) == 0);
        b.put("rooted", r.nextInt(50) == 0);
        return b;
    }

    private Run run(int threads, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long started = System.nanoTime();
        List<Future<long[]>> futures = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                long[] lat = new long[1 << 16];
                int count = 0;
                var http = asInviteService();
                while (System.nanoTime() < end) {
                    long s = System.nanoTime();
                    var resp = http.post(ScreeningApi.PATH, registration());
                    long d = System.nanoTime() - s;
                    if (resp.status() != 200) {
                        errors.incrementAndGet();
                    }
                    if (count == lat.length) {
                        lat = Arrays.copyOf(lat, lat.length * 2);
                    }
                    lat[count++] = d;
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

    private long redisCalls() {
        Properties stats = redis.execute((org.springframework.data.redis.core.RedisCallback<Properties>)
                c -> c.serverCommands().info("commandstats"));
        long total = 0;
        for (String key : stats.stringPropertyNames()) {
            String v = stats.getProperty(key);
            int i = v.indexOf("calls=");
            if (key.startsWith("cmdstat_") && i >= 0) {
                total += Long.parseLong(v.substring(i + 6, v.indexOf(',', i)));
            }
        }
        return total;
    }

    @Test
    void measureScreeningLatencyAndThroughput() throws Exception {
        guard.configure(1_000_000, 0.5, 10_000, 10, 1_000_000);
        int threads = Integer.getInteger("bench.threads", 8);
        int seconds = Integer.getInteger("bench.seconds", 10);
        try {
            Run previous = run(threads, seconds);
            System.out.printf(Locale.ROOT, "warm-up: %.0f req/s%n", previous.throughput());
            for (int i = 0; i < 8; i++) {
                Run next = run(threads, seconds);
                System.out.printf(Locale.ROOT, "warm-up: %.0f req/s%n", next.throughput());
                boolean stable = Math.abs(next.throughput() - previous.throughput()) / previous.throughput() < 0.03;
                previous = next;
                if (stable) {
                    break;
                }
            }
            long callsBefore = redisCalls();
            List<Run> runs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                runs.add(run(threads, seconds));
            }
            long callsAfter = redisCalls();
            long requests = runs.stream().mapToLong(Run::requests).sum();
            runs.sort((a, b) -> Double.compare(a.throughput(), b.throughput()));
            Run median = runs.get(1);
            System.out.printf(
                    Locale.ROOT,
                    "%nScreening benchmark (%d client threads, %d s runs, redis %s):%n"
                            + "  throughput %.0f req/s, p50 %.2f ms, p99 %.2f ms, errors %d (median of 3)%n"
                            + "  runs: %s%n  redis commands per screening: %.2f (incl. the INFO calls)%n",
                    threads,
                    seconds,
                    TestInfrastructure.redis(),
                    median.throughput(),
                    median.p50Micros() / 1000.0,
                    median.p99Micros() / 1000.0,
                    median.errors(),
                    runs,
                    (callsAfter - callsBefore) / (double) requests);
            assertThat(requests).isPositive();
        } finally {
            guard.configure(2000, 0.5, 500, 10, 20);
        }
    }
}
