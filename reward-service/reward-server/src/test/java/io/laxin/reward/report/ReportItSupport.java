package io.laxin.reward.report;

import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.Role;
import io.laxin.reward.reward.application.RewardBook;
import io.laxin.reward.reward.domain.Attribution;
import io.laxin.reward.reward.domain.Attributions;
import io.laxin.reward.reward.domain.Beneficiary;
import io.laxin.reward.reward.domain.Reward;
import io.laxin.reward.reward.domain.RewardKind;
import io.laxin.reward.reward.domain.RewardPolicy;
import io.laxin.reward.reward.domain.RewardSource;
import io.laxin.reward.reward.domain.Rewards;
import io.laxin.testsupport.LaxinIntegrationTest;
import io.laxin.testsupport.TestHttp;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One reward-service context for the report ITs, and one small, realistic data set built through the real use
 * cases (RewardBook: issue, release, take back), so every posting is a real one. Points cost 50 fen per 100 here.
 *
 * <p>Campaign 501 (budget 5000 fen), this period:
 * <pre>
 * ref 1  alice ← bob    alice 500 P released;  bob 300 fen released, then 100 fen clawed back (refund)
 * ref 2  alice ← carl   alice 500 P pending;   carl 300 fen pending, reduced by 50 (refund); alice's 1000 fen
 *                       milestone REFUSED (REFERRER_CAP_DAY)
 * ref 3  dora ← eve     dora 200 fen released, then PAID; eve one coupon pending
 * ref 4  dora ← fred    both revoked (FRAUD_REJECTED): dora 200 fen, fred 300 fen; attribution revoked
 * ref 7  kim            10 000 fen REFUSED (BUDGET_EXHAUSTED)
 * ref 5  gus ← hal      gus 100 P, created and attributed in 2020 (outside the period)
 * </pre>
 * Campaign 502 (no budget): ref 6 ivan ← jo, ivan 400 fen pending.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=reward-service",
            "laxin.reward.fen-per-hundred-points=50",
            "laxin.reward.release-enabled=false",
            "laxin.outbox.relay-enabled=false"
        })
@LaxinIntegrationTest
public abstract class ReportItSupport {

    protected static final long CAMPAIGN = 501;
    protected static final long OTHER_CAMPAIGN = 502;
    protected static final Instant OLD = Instant.parse("2020-01-01T00:00:00Z");
    /** Reward ids by name (r1 … r11, a1 for the clawback, r12 for ivan's). */
    protected static final Map<String, Long> IDS = new HashMap<>();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected Clock clock;

    @Autowired
    private RewardBook book;

    @Autowired
    private Rewards rewards;

    @Autowired
    private Attributions attributions;

    @Autowired
    private TransactionTemplate tx;

    protected TestHttp as(Caller caller) {
        return TestHttp.at("http://127.0.0.1:" + port).as(caller);
    }

    protected TestHttp finance() {
        return as(Caller.staff("fin-1", Role.FINANCE));
    }

    /** A period of whole UTC days around now that holds all of this run's data except the 2020 rows. */
    protected String period() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return "from=" + today.minusDays(1) + "&to=" + today.plusDays(2);
    }

    @BeforeEach
    void givenTheDataSet() {
        synchronized (IDS) {
            if (IDS.isEmpty()) {
                build();
            }
        }
    }

    private void build() {
        Instant now = clock.instant();
        tx.executeWithoutResult(s -> {
            attribute(1, CAMPAIGN, "alice", "bob", now);
            attribute(2, CAMPAIGN, "alice", "carl", now);
            attribute(3, CAMPAIGN, "dora", "eve", now);
            attribute(4, CAMPAIGN, "dora", "fred", now);
            attribute(5, CAMPAIGN, "gus", "hal", OLD);
            attribute(6, OTHER_CAMPAIGN, "ivan", "jo", now);
            List<Reward> stored = book.issue(
                    List.of(
                            draft(1, "alice", Beneficiary.REFERRER, RewardKind.POINTS, 500, now),
                            draft(1, "bob", Beneficiary.INVITEE, RewardKind.CASH, 300, now),
                            draft(2, "alice", Beneficiary.REFERRER, RewardKind.POINTS, 500, now),
                            draft(2, "carl", Beneficiary.INVITEE, RewardKind.CASH, 300, now),
                            draft(3, "dora", Beneficiary.REFERRER, RewardKind.CASH, 200, now),
                            draft(3, "eve", Beneficiary.INVITEE, RewardKind.COUPON, 77, now),
                            draft(4, "dora", Beneficiary.REFERRER, RewardKind.CASH, 200, now),
                            draft(4, "fred", Beneficiary.INVITEE, RewardKind.CASH, 300, now),
                            Reward.pending(
                                            CAMPAIGN,
                                            2,
                                            "alice",
                                            Beneficiary.REFERRER,
                                            Reward.Origin.of(RewardSource.MILESTONE, "milestone:2", "evt-m2", 1, null),
                                            new RewardPolicy.Spec(RewardKind.CASH, 1000),
                                            now.plus(Duration.ofDays(7)),
                                            now)
                                    .refused("REFERRER_CAP_DAY"),
                            draft(7, "kim", Beneficiary.REFERRER, RewardKind.CASH, 10_000, now),
                            draft(5, "gus", Beneficiary.REFERRER, RewardKind.POINTS, 100, OLD)),
                    5000L);
            for (int i = 0; i < stored.size(); i++) {
                IDS.put("r" + (i + 1), stored.get(i).id());
            }
            IDS.put(
                    "r12",
                    book.issue(
                                    List.of(Reward.pending(
                                            OTHER_CAMPAIGN,
                                            6,
                                            "ivan",
                                            Beneficiary.REFERRER,
                                            Reward.Origin.of(
                                                    RewardSource.REFERRAL, "referral:6:REFERRER", "evt-6", 1, null),
                                            new RewardPolicy.Spec(RewardKind.CASH, 400),
                                            now.plus(Duration.ofDays(7)),
                                            now)),
                                    null)
                            .get(0)
                            .id());
        });
        tx.executeWithoutResult(s -> List.of("r1", "r2", "r5").forEach(r -> book.release(reward(r))));
        tx.executeWithoutResult(s -> {
            book.takeBack(reward("r2"), 100, "REFUND", "refund-1");
            book.takeBack(reward("r4"), 50, "REFUND", "refund-2");
            book.takeBack(reward("r7"), 200, "FRAUD_REJECTED", "risk-fred");
            book.takeBack(reward("r8"), 300, "FRAUD_REJECTED", "risk-fred");
            attributions.markRevoked(4, "FRAUD_REJECTED");
        });
        IDS.put(
                "a1",
                jdbc.queryForObject("SELECT id FROM reward WHERE adjusts_reward_id = ?", Long.class, IDS.get("r2")));
        // stand in for a settlement payout of dora's released reward in batch 900 (the reconciliation test adds the
        // batch)
        jdbc.update(
                "UPDATE reward SET status = 'PAID', settlement_batch_id = 900, settled_at = ?, paid_at = ? "
                        + "WHERE id = ?",
                Timestamp.from(now),
                Timestamp.from(now),
                IDS.get("r5"));
    }

    private Reward reward(String name) {
        return rewards.byId(IDS.get(name)).orElseThrow();
    }

    private void attribute(long referral, long campaign, String referrer, String invitee, Instant at) {
        attributions.add(new Attribution(
                referral,
                campaign,
                referrer,
                invitee,
                1,
                new RewardPolicy(
                        new RewardPolicy.Spec(RewardKind.POINTS, 500),
                        new RewardPolicy.Spec(RewardKind.CASH, 300),
                        7,
                        null,
                        null,
                        null,
                        null),
                at,
                false));
    }

    private static Reward draft(
            long referral, String user, Beneficiary side, RewardKind kind, long amount, Instant at) {
        return Reward.pending(
                CAMPAIGN,
                referral,
                user,
                side,
                Reward.Origin.of(
                        RewardSource.REFERRAL, "referral:" + referral + ":" + side, "evt-" + referral, 1, null),
                new RewardPolicy.Spec(kind, amount),
                at.plus(Duration.ofDays(7)),
                at);
    }
}
