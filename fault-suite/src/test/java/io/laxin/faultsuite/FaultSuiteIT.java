package io.laxin.faultsuite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The fault suite of issue 14 (a bank test in the manner of Jepsen / OpenChaos): the apps in separate processes
 * ({@link Cluster}), the {@link CampaignScript} played through the gateway on one thread while on this one the faults
 * come one after the other — kill -9 of reward-service and of invite-service mid-flow and their restart, a broker
 * restart, Redis flushed and restarted, MariaDB restarted, reward-service (a consumer) slowed by SIGSTOP / SIGCONT —
 * then the suite is left to settle, the cash is settled and paid out, and the {@link Checker} compares what the script
 * computed with what the databases hold. {@code -Dfault.suite=long} plays the faults in several rounds with more
 * load ({@code scripts/fault-suite.sh --long}). The counters and timings go to the console and to
 * target/fault-suite/&lt;run&gt;/result.txt; on failure the tails of every process's log are printed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultSuiteIT {

    private static final DateTimeFormatter RUN_NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private final boolean longRun = "long".equals(System.getProperty("fault.suite", "short"));
    private Cluster cluster;
    private final List<String> timeline = new ArrayList<>();
    private final long started = System.nanoTime();

    @BeforeAll
    void startTheSuite() throws Exception {
        Path jar = Path.of(System.getProperty("laxin.standalone.jar", "../standalone/target/laxin-standalone.jar"));
        Path dir = Path.of(System.getProperty("fault.suite.dir", "target/fault-suite"))
                .resolve(LocalDateTime.now(ZoneOffset.UTC).format(RUN_NAME));
        cluster = new Cluster(jar.toAbsolutePath(), dir.toAbsolutePath());
        try {
            cluster.start();
        } catch (Exception | Error e) {
            System.out.println(cluster.tails(40));
            throw e;
        }
        note("suite up (MariaDB, Redis, broker, " + Cluster.RUN + ")");
    }

    @AfterAll
    void stopTheSuite() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void shouldLoseNothingPayNothingTwiceAndBalanceTheLedgerUnderFaults() throws Exception {
        boolean passed = false;
        try {
            Api api = new Api(cluster.gatewayUrl(), cluster.jwtSecret, cluster.hostSecret);
            CampaignScript script = new CampaignScript(api, Instant.now().toEpochMilli());
            script.setUp();
            note("campaigns " + script.campaigns + " set up");

            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService workload = Executors.newSingleThreadExecutor(r -> new Thread(r, "fault-suite-script"));
            Future<?> playing = workload.submit(() -> {
                while (!stop.get()) {
                    script.step();
                }
                return null;
            });
            try {
                int rounds = longRun ? 4 : 1;
                for (int round = 1; round <= rounds; round++) {
                    injectFaults(round, playing);
                }
            } finally {
                stop.set(true);
                workload.shutdown();
            }
            playing.get();
            note("script stopped after " + script.steps() + " steps");

            script.review(true);
            script.finishTheRing();
            note("reviews and the ring's late rejection done");

            Checker.Counters counters = settle(script);
            note("settled: " + counters.lostRewards() + " lost so far, balance mismatches "
                    + counters.balanceMismatches());
            Books.Expected expected = script.books.expected(1);
            payOut(script, api);
            note("paid out");
            counters = Checker.check(expected, SuiteState.read(cluster));
            note("checked");

            String report = report(script, api, expected, counters);
            System.out.println(report);
            Files.writeString(cluster.dir.resolve("result.txt"), report);
            assertThat(counters.ok()).as(report).isTrue();
            passed = true;
        } finally {
            if (!passed) {
                System.out.println(cluster.tails(80));
            }
        }
    }

    /** One round of every fault, each while the script keeps playing. */
    private void injectFaults(int round, Future<?> playing) throws Exception {
        awhile(5, playing);
        cluster.killAndRestart(Cluster.REWARD, Duration.ofSeconds(2));
        note("round " + round + ": reward-service killed (-9) and back");
        awhile(3, playing);
        cluster.killAndRestart(Cluster.INVITE, Duration.ofSeconds(2));
        note("round " + round + ": invite-service killed (-9) and back");
        awhile(3, playing);
        cluster.restartBroker(Duration.ofSeconds(2));
        note("round " + round + ": broker killed (-9) and back, store kept");
        awhile(3, playing);
        cluster.flushAndRestartRedis(Duration.ofSeconds(1));
        note("round " + round + ": Redis flushed, killed and back empty");
        awhile(3, playing);
        cluster.restartMariaDb(Duration.ofSeconds(2));
        note("round " + round + ": MariaDB killed (-9) and back");
        awhile(3, playing);
        cluster.slowDown(
                Cluster.REWARD, Duration.ofSeconds(longRun ? 30 : 12), Duration.ofMillis(700), Duration.ofMillis(300));
        note("round " + round + ": reward-service slowed (SIGSTOP 0.7 s / SIGCONT 0.3 s)");
        awhile(longRun ? 20 : 3, playing);
    }

    /** Lets the script play on for a few seconds; stops the run at once if the script gave up. */
    private static void awhile(int seconds, Future<?> playing) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (System.nanoTime() < until) {
            if (playing.isDone()) {
                playing.get(); // rethrows what stopped it
                throw new IllegalStateException("The script stopped by itself");
            }
            Thread.sleep(200);
        }
    }

    /**
     * Waits until the suite has caught up with the script (every expected reward there, every balance right, nothing
     * left in an outbox), releasing what is due meanwhile and reading how held registrations that screening decided in
     * the end now stand: at most 3 minutes, then the counters say what is missing.
     */
    private Checker.Counters settle(CampaignScript script) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        Checker.Counters counters;
        do {
            script.release();
            script.learnHeldOutcomes();
            counters = Checker.check(script.books.expected(1), SuiteState.read(cluster));
            if (counters.lostRewards() == 0
                    && counters.balanceMismatches() == 0
                    && counters.ledgerMismatches() == 0
                    && counters.stuckPendingReview() == 0
                    && SuiteState.unsent(cluster) == 0) {
                break;
            }
            Thread.sleep(1_000);
        } while (System.nanoTime() < deadline);
        return counters;
    }

    /** Per campaign a batch of everything released, submitted by one finance user, approved by another, paid. */
    private void payOut(CampaignScript script, Api api) {
        script.release();
        String to = Instant.now().plusSeconds(1).toString();
        for (long campaign : script.campaigns) {
            var batch = api.staff(
                    CampaignScript.FINANCE_1,
                    "FINANCE",
                    "POST",
                    "/api/v1/admin/settlements/batches",
                    Map.of("campaignId", campaign, "from", "2020-01-01T00:00:00Z", "to", to, "minPayoutFen", 1),
                    "settle-" + campaign + "-" + to);
            CampaignScript.require(batch, 200, 201);
            long id = batch.json().get("id").asLong();
            String base = "/api/v1/admin/settlements/batches/" + id;
            CampaignScript.require(
                    api.staff(CampaignScript.FINANCE_1, "FINANCE", "POST", base + "/submit", Map.of(), null), 200);
            CampaignScript.require(
                    api.staff(CampaignScript.FINANCE_2, "FINANCE", "POST", base + "/approve", Map.of(), null), 200);
            CampaignScript.require(
                    api.staff(
                            CampaignScript.FINANCE_2, "FINANCE", "POST", base + "/payout-confirmation", Map.of(), null),
                    200);
        }
    }

    private String report(CampaignScript script, Api api, Books.Expected expected, Checker.Counters counters) {
        long owed =
                expected.netFen().values().stream().mapToLong(Long::longValue).sum();
        long payout = expected.payoutFen().values().stream()
                .mapToLong(Long::longValue)
                .sum();
        StringBuilder b = new StringBuilder("\n===== fault suite (" + (longRun ? "long" : "short") + ") =====\n");
        timeline.forEach(t -> b.append(t).append('\n'));
        b.append("script: ")
                .append(script.steps())
                .append(" steps, ")
                .append(script.books.registrations())
                .append(" registrations (")
                .append(script.books.referrals(Books.Fate.STANDING).size())
                .append(" standing, ")
                .append(script.books.referrals(Books.Fate.HELD).size())
                .append(" left open for review, ")
                .append(script.books.referrals(Books.Fate.REJECTED).size())
                .append(" rejected, ")
                .append(script.books.referrals(Books.Fate.REJECTED_LATE).size())
                .append(" rejected late), ")
                .append(script.books.orders().size())
                .append(" paid orders, ")
                .append(script.refunds.get())
                .append(" refunds, ")
                .append(script.decisions.get())
                .append(" review decisions\n");
        b.append("gateway calls: ")
                .append(api.calls.get())
                .append(" (")
                .append(api.retries.get())
                .append(" repeated after an unavailable answer)\n");
        b.append("expected: ")
                .append(expected.rewardKeys().size())
                .append(" rewards, ")
                .append(owed)
                .append(" fen owed to ")
                .append(expected.netFen().size())
                .append(" accounts, ")
                .append(payout)
                .append(" fen paid out\n");
        b.append(counters);
        b.append("logs: ").append(cluster.dir.resolve("logs")).append('\n');
        return b.toString();
    }

    private void note(String what) {
        String line = String.format("%6.1f s  %s", (System.nanoTime() - started) / 1e9, what);
        timeline.add(line);
        System.out.println("[fault-suite] " + line);
    }
}
