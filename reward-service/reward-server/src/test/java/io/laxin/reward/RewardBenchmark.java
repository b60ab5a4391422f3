package io.laxin.reward;

import io.laxin.invite.api.event.ReferralAttributedEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.awaitility.Awaitility.await;

/**
 * Reward issuance throughput through the real broker: N referral-attributed events are published at once (one
 * producer), and the clock runs from the first send until the service has stored every reward (2 per event, each
 * with its ledger posting, budget charge, event row in the outbox and processed-event row, one transaction per
 * event). Not part of the default build (the name matches neither surefire's nor failsafe's patterns); run it with
 * {@code ./mvnw -B -o verify -pl reward-service/reward-server -Dit.test=RewardBenchmark -Dtest=NONE
 * -Dsurefire.failIfNoSpecifiedTests=false -Dbench.events=20000}. See docs/benchmarks/reward.md. Prints figures;
 * asserts nothing about time.
 */
class RewardBenchmark extends RewardItSupport {

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
        System.out.printf(Locale.ROOT, "benchmark issuance: %d events (%d rewards) in %.1f s = %.0f events/s, "
                        + "%.0f rewards/s (publishing took %.1f s)%n", events, 2L * events, seconds, events / seconds,
                2 * events / seconds, (published - start) / 1e9);
        System.out.printf(Locale.ROOT, "benchmark ledger: %d entries, %d unbalanced postings%n",
                count("SELECT COUNT(*) FROM ledger_entry WHERE campaign_id = ?", campaign),
                count("SELECT COUNT(*) FROM (SELECT posting_id FROM ledger_entry WHERE campaign_id = ? "
                        + "GROUP BY posting_id, unit HAVING SUM(amount) <> 0) x", campaign));
    }

    private void publish(long campaign, int n) {
        Instant at = CLOCK.instant();
        List<ReferralAttributedEvent> batch = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long referral = nextId();
            // a referrer brings 5 invitees, so the per-referrer lock is contended as in a real campaign
            batch.add(attributed(campaign, referral, "bench-ref-" + campaign + "-" + (i / 5),
                    "bench-inv-" + referral, policy(100, 50, 7), at));
        }
        deliverAll(batch);
    }

    private void awaitRewards(long campaign, long n) {
        await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> count("SELECT COUNT(*) FROM reward WHERE campaign_id = ?", campaign) >= n);
    }
}
