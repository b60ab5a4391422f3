package io.laxin.reward;

import static org.awaitility.Awaitility.await;

import io.laxin.invite.api.dto.CashbackDTO;
import io.laxin.invite.api.dto.RewardPolicyDTO;
import io.laxin.invite.api.dto.RewardSpecDTO;
import io.laxin.invite.api.event.ReferralAttributedEvent;
import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.Role;
import io.laxin.reward.reward.domain.Attributions;
import io.laxin.testsupport.TestHttp;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reward issuance throughput through the real broker: N referral-attributed events are published at once (one
 * producer), and the clock runs from the first send until the service has stored every reward (2 per event, each
 * with its ledger posting, budget charge, event row in the outbox and processed-event row, one transaction per
 * event). Not part of the default build (the name matches neither surefire's nor failsafe's patterns); run it with
 * {@code ./mvnw -B -o verify -pl reward-service/reward-server -Dit.test=RewardBenchmark -Dtest=NONE
 * -Dsurefire.failIfNoSpecifiedTests=false -Dbench.events=20000}. See docs/benchmarks/reward.md. Prints figures;
 * asserts nothing about time.
 *
 * <p>{@code settlementAndReports} seeds {@code bench.rewards} (1,000,000) AVAILABLE cash rewards of one campaign for
 * {@code bench.users} (200,000) users, with their attributions and their ISSUE and RELEASE postings, in set-based
 * SQL (MariaDB's {@code seq_*} tables), then times through the HTTP API: creating the settlement batch (collection),
 * submit, approval (SETTLED + one SETTLE posting per line), payout confirmation (PAID + PAY postings), the finance
 * report as JSON and XLSX, and the reconciliation.
 */
class RewardBenchmark extends RewardItSupport {

    @Autowired
    Attributions attributions;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void issuanceThroughRocketMq() {
        int events = Integer.getInteger("bench.events", 20_000);
        int chunk = 5_000;
        long warmCampaign = nextId();
        publish(warmCampaign, Math.min(2_000, events));
        awaitRewards(warmCampaign, 2L * Math.min(2_000, events));

        long campaign = nextId();
        long start = System.nanoTime();
        for (int sent = 0; sent < events; sent += chunk) {
            publish(campaign, Math.min(chunk, events - sent));
        }
        long published = System.nanoTime();
        awaitRewards(campaign, 2L * events);
        long done = System.nanoTime();

        double seconds = (done - start) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "benchmark issuance: %d events (%d rewards) in %.1f s = %.0f events/s, "
                        + "%.0f rewards/s (publishing took %.1f s)%n",
                events,
                2L * events,
                seconds,
                events / seconds,
                2 * events / seconds,
                (published - start) / 1e9);
        System.out.printf(
                Locale.ROOT,
                "benchmark ledger: %d entries, %d unbalanced postings%n",
                count("SELECT COUNT(*) FROM ledger_entry WHERE campaign_id = ?", campaign),
                count(
                        "SELECT COUNT(*) FROM (SELECT posting_id FROM ledger_entry WHERE campaign_id = ? "
                                + "GROUP BY posting_id, unit HAVING SUM(amount) <> 0) x",
                        campaign));
    }

    /**
     * Paid orders reported over HTTP by the host, {@code bench.orders} (4,000) on {@code bench.threads} (8) threads:
     * first spread over 200 attributed buyers (each order earns cashback), then all by one buyer (its orders
     * serialise on the buyer's guard row and the referral's first-K tally). In the same run, what the invitee guard
     * (issue 14's write-skew fix) costs on its own: {@code bench.orders} READ COMMITTED transactions that take a new
     * user's guard row, then the same users' rows again (the duplicate-key path every later order takes), against as
     * many transactions that run one {@code SELECT 1}.
     */
    @Test
    void ordersAndTheInviteeGuard() throws Exception {
        int orders = Integer.getInteger("bench.orders", 4_000);
        int threads = Integer.getInteger("bench.threads", 8);
        long campaign = nextId();
        var cashback = new RewardPolicyDTO(
                new RewardSpecDTO(RewardSpecDTO.RewardKind.CASH, 100),
                new RewardSpecDTO(RewardSpecDTO.RewardKind.CASH, 50),
                7,
                null,
                null,
                null,
                new CashbackDTO(1000, null, null, null, null));
        List<ReferralAttributedEvent> invitees = new ArrayList<>();
        Instant at = CLOCK.instant().minus(Duration.ofDays(1));
        for (int i = 0; i < 200; i++) {
            invitees.add(attributed(
                    campaign,
                    nextId(),
                    "bench-oref-" + campaign + "-" + (i / 5),
                    "bench-buyer-" + campaign + "-" + i,
                    cashback,
                    at));
        }
        deliverAll(invitees);
        awaitRewards(campaign, 2L * invitees.size());

        TestHttp host = http().as(Caller.host("bench-shop"));
        // warm-up: the HTTP path, the JIT, the pool
        postOrders(
                host,
                campaign,
                "warm",
                Math.min(500, orders),
                threads,
                i -> "bench-buyer-" + campaign + "-" + (i % 200));
        double spread =
                postOrders(host, campaign, "spread", orders, threads, i -> "bench-buyer-" + campaign + "-" + (i % 200));
        double hot = postOrders(host, campaign, "hot", orders / 4, threads, i -> "bench-buyer-" + campaign + "-0");
        System.out.printf(
                Locale.ROOT,
                "benchmark orders: %d spread over 200 buyers at %.0f orders/s; %d by one buyer at %.0f orders/s "
                        + "(%d threads)%n",
                orders,
                orders / spread,
                orders / 4,
                orders / 4 / hot,
                threads);

        var tx = new TransactionTemplate(transactions);
        tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        String users = "bench-guard-" + campaign + "-";
        for (int round = 0; round < 2; round++) { // the first round warms both paths up
            long t0 = System.nanoTime();
            for (int i = 0; i < orders; i++) {
                tx.executeWithoutResult(s -> jdbc.queryForObject("SELECT 1", Integer.class));
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < orders; i++) {
                String user = users + round + "-" + i;
                tx.executeWithoutResult(s -> attributions.guardInvitee(user));
            }
            long t2 = System.nanoTime();
            for (int i = 0; i < orders; i++) {
                String user = users + round + "-" + i;
                tx.executeWithoutResult(s -> attributions.guardInvitee(user));
            }
            long t3 = System.nanoTime();
            if (round == 1) {
                System.out.printf(
                        Locale.ROOT,
                        "benchmark guard: per transaction %.3f ms with SELECT 1 only, %.3f ms taking a new guard row, "
                                + "%.3f ms taking an existing one (%d each, one thread)%n",
                        (t1 - t0) / 1e6 / orders,
                        (t2 - t1) / 1e6 / orders,
                        (t3 - t2) / 1e6 / orders,
                        orders);
            }
        }
    }

    /** Posts {@code n} paid orders on {@code threads} threads; answers the seconds it took. */
    private double postOrders(TestHttp host, long campaign, String run, int n, int threads, IntFunction<String> buyer)
            throws Exception {
        var pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<TestHttp.Response>> answers = new ArrayList<>(n);
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                String orderId = "bench-o-" + campaign + "-" + run + "-" + i;
                String buyerId = buyer.apply(i);
                answers.add(pool.submit(() -> host.post(
                        "/api/v1/host/orders/paid",
                        Map.of(
                                "orderId",
                                orderId,
                                "buyerUserId",
                                buyerId,
                                "amountFen",
                                10_000,
                                "paidAt",
                                CLOCK.instant().minusSeconds(60)))));
            }
            for (var answer : answers) {
                expectOk(answer.get(), 200);
            }
            return secondsSince(start);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void settlementAndReports() {
        int n = Integer.getInteger("bench.rewards", 1_000_000);
        int users = Integer.getInteger("bench.users", 200_000);
        long campaign = nextId();
        Instant released = CLOCK.instant().minus(Duration.ofDays(1));
        long t0 = System.nanoTime();
        seed(campaign, n, users, released);
        System.out.printf(
                Locale.ROOT,
                "benchmark seed: %d rewards, %d users, %d ledger entries in %.1f s%n",
                n,
                count("SELECT COUNT(DISTINCT user_id) FROM reward WHERE campaign_id = ?", campaign),
                count("SELECT COUNT(*) FROM ledger_entry WHERE campaign_id = ?", campaign),
                secondsSince(t0));

        TestHttp fin1 = http().timeout(Duration.ofMinutes(30)).as(Caller.staff("bench-fin-1", Role.FINANCE));
        TestHttp fin2 = http().timeout(Duration.ofMinutes(30)).as(Caller.staff("bench-fin-2", Role.FINANCE));
        Instant from = released.minus(Duration.ofDays(30));
        Instant to = CLOCK.instant();
        long t = System.nanoTime();
        var batch = expect(
                fin1.post(
                        "/api/v1/admin/settlements/batches",
                        Map.of("campaignId", campaign, "from", from.toString(), "to", to.toString())),
                201);
        long id = batch.get("id").asLong();
        report(
                "settlement collect (create batch)",
                t,
                batch.get("lineCount").asLong() + " lines, "
                        + batch.get("totalFen").asLong() + " fen");
        t = System.nanoTime();
        expect(fin1.post("/api/v1/admin/settlements/batches/" + id + "/submit", null), 200);
        report("settlement submit", t, "");
        t = System.nanoTime();
        expect(fin2.post("/api/v1/admin/settlements/batches/" + id + "/approve", null), 200);
        report("settlement approve", t, "");
        t = System.nanoTime();
        var payout = fin2.get("/api/v1/admin/settlements/batches/" + id + "/payout-file");
        report("payout file", t, payout.body().length + " bytes");
        t = System.nanoTime();
        expect(fin2.post("/api/v1/admin/settlements/batches/" + id + "/payout-confirmation", null), 200);
        report("settlement payout confirmation", t, "");

        String period = "?from=" + from + "&to=" + to.plus(Duration.ofMinutes(1)) + "&campaignId=" + campaign;
        t = System.nanoTime();
        var json = fin1.get("/api/v1/admin/reports/rewards" + period);
        report("report JSON", t, "status " + json.status());
        t = System.nanoTime();
        var xlsx = fin1.get("/api/v1/admin/reports/rewards.xlsx" + period);
        report("report XLSX", t, "status " + xlsx.status() + ", " + xlsx.body().length + " bytes");
        t = System.nanoTime();
        var rec = fin1.get("/api/v1/admin/reports/reconciliation?campaignId=" + campaign);
        report(
                "reconciliation",
                t,
                "status " + rec.status() + ", ok="
                        + (rec.status() == 200 ? rec.json().get("ok").asBoolean() : rec.toString()));
        System.out.printf(Locale.ROOT, "benchmark total (seed included): %.1f s%n", secondsSince(t0));
    }

    private void seed(long campaign, int n, int users, Instant released) {
        Timestamp at = Timestamp.from(released);
        int chunk = 100_000;
        long base = nextId() * 10_000_000L;
        for (int from = 0; from < n; from += chunk) {
            int size = Math.min(chunk, n - from);
            long offset = base + from;
            jdbc.update(
                    "INSERT INTO attribution (referral_id, campaign_id, referrer_user_id, invitee_user_id, "
                            + "policy_version, policy, attributed_at, status, created_at) SELECT ? + seq, ?, "
                            + "CONCAT('bu-', (? + seq) % ?), CONCAT('bi-', ? + seq), 1, '{}', ?, 'ACTIVE', ? "
                            + "FROM seq_1_to_" + size,
                    offset,
                    campaign,
                    from,
                    users,
                    offset,
                    at,
                    at);
            jdbc.update(
                    "INSERT INTO reward (campaign_id, referral_id, user_id, beneficiary, source, kind, amount, "
                            + "issued_amount, cost_fen, status, release_at, business_key, source_event_id, policy_version, "
                            + "released_at, created_at) SELECT ?, ? + seq, CONCAT('bu-', (? + seq) % ?), 'REFERRER', 'REFERRAL', "
                            + "'CASH', 100 + seq % 50, 100 + seq % 50, 100 + seq % 50, 'AVAILABLE', ?, "
                            + "CONCAT('bench:', ? + seq), 'bench', 1, ?, ? FROM seq_1_to_" + size,
                    campaign,
                    offset,
                    from,
                    users,
                    at,
                    offset,
                    at,
                    at);
        }
        String[][] postings = {
            {"issue:", "1", "ISSUE", "CAMPAIGN_EXPENSE", "amount"},
            {"issue:", "2", "ISSUE", "PAYABLE_PENDING", "-amount"},
            {"release:", "1", "RELEASE", "PAYABLE_PENDING", "amount"},
            {"release:", "2", "RELEASE", "PAYABLE_AVAILABLE", "-amount"}
        };
        long min = count("SELECT MIN(id) FROM reward WHERE campaign_id = ?", campaign);
        long max = count("SELECT MAX(id) FROM reward WHERE campaign_id = ?", campaign);
        for (long lo = min; lo <= max; lo += chunk) {
            for (String[] p : postings) {
                jdbc.update(
                        "INSERT INTO ledger_entry (posting_id, line_no, posting_type, account, campaign_id, "
                                + "user_id, reward_id, reference, unit, amount, created_at) SELECT CONCAT(?, id), ?, ?, ?, "
                                + "campaign_id, user_id, id, CONCAT('reward:', id), 'FEN', " + p[4] + ", created_at "
                                + "FROM reward WHERE campaign_id = ? AND id >= ? AND id < ?",
                        p[0],
                        Integer.parseInt(p[1]),
                        p[2],
                        p[3],
                        campaign,
                        lo,
                        lo + chunk);
            }
        }
    }

    private static TestHttp.Response expectOk(TestHttp.Response r, int status) {
        if (r.status() != status) {
            throw new AssertionError("expected " + status + ", got " + r);
        }
        return r;
    }

    private static tools.jackson.databind.JsonNode expect(TestHttp.Response r, int status) {
        return expectOk(r, status).json();
    }

    private static void report(String what, long startNanos, String detail) {
        System.out.printf(Locale.ROOT, "benchmark %s: %.1f s %s%n", what, secondsSince(startNanos), detail);
    }

    private static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private void publish(long campaign, int n) {
        Instant at = CLOCK.instant();
        List<ReferralAttributedEvent> batch = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long referral = nextId();
            // a referrer brings 5 invitees, so the per-referrer lock is contended as in a real campaign
            batch.add(attributed(
                    campaign,
                    referral,
                    "bench-ref-" + campaign + "-" + (i / 5),
                    "bench-inv-" + referral,
                    policy(100, 50, 7),
                    at));
        }
        deliverAll(batch);
    }

    private void awaitRewards(long campaign, long n) {
        await().atMost(Duration.ofMinutes(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> count("SELECT COUNT(*) FROM reward WHERE campaign_id = ?", campaign) >= n);
    }
}
