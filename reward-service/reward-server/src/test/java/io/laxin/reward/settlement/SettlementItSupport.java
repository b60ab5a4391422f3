package io.laxin.reward.settlement;

import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.Role;
import io.laxin.reward.ledger.domain.Account;
import io.laxin.reward.ledger.domain.Ledger;
import io.laxin.reward.ledger.domain.Unit;
import io.laxin.reward.reward.application.RewardBook;
import io.laxin.reward.reward.domain.Beneficiary;
import io.laxin.reward.reward.domain.Reward;
import io.laxin.reward.reward.domain.RewardKind;
import io.laxin.reward.reward.domain.RewardPolicy;
import io.laxin.reward.reward.domain.RewardSource;
import io.laxin.reward.reward.domain.Rewards;
import io.laxin.testsupport.LaxinIntegrationTest;
import io.laxin.testsupport.TestHttp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * One reward-service context for the settlement ITs (real MariaDB). Rewards are earned through the real
 * {@link RewardBook} (issue + release, with their ISSUE and RELEASE postings), so the ledger stays balanced. The
 * collection chunk is 2 so that every batch is collected in several chunks. The outbox relay and the scheduled
 * release job are off: nothing here needs them.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=reward-service",
            "laxin.outbox.relay-enabled=false",
            "laxin.reward.release-enabled=false",
            "laxin.reward.settlement-chunk-size=2"
        })
@LaxinIntegrationTest
abstract class SettlementItSupport {

    protected static final String BATCHES = "/api/v1/admin/settlements/batches";
    private static final AtomicLong IDS = new AtomicLong(1000);

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected TransactionTemplate tx;

    @Autowired
    protected RewardBook book;

    @Autowired
    protected Rewards rewards;

    @Autowired
    protected Ledger ledger;

    @Autowired
    protected Clock clock;

    /** A campaign no other test uses. */
    protected static long newCampaign() {
        return IDS.incrementAndGet();
    }

    /** A user id no other test uses, e.g. {@code alice-1042}. */
    protected static String user(String name) {
        return name + "-" + IDS.incrementAndGet();
    }

    /** {@code userId} earned {@code fen} in the campaign and its hold is over: an AVAILABLE cash reward. */
    protected Reward earned(long campaignId, String userId, long fen) {
        return released(draft(campaignId, userId, RewardKind.CASH, fen));
    }

    protected Reward released(Reward draft) {
        return tx.execute(s -> {
            Reward issued = book.issue(List.of(draft), null).get(0);
            if (!book.release(issued)) {
                throw new IllegalStateException("not released: " + issued);
            }
            return rewards.byId(issued.id()).orElseThrow();
        });
    }

    /** Still in its hold period. */
    protected Reward pending(long campaignId, String userId, long fen) {
        return tx.execute(s -> book.issue(List.of(draft(campaignId, userId, RewardKind.CASH, fen)), null)
                .get(0));
    }

    protected Reward draft(long campaignId, String userId, RewardKind kind, long amount) {
        long referral = IDS.incrementAndGet();
        Instant now = clock.instant();
        return Reward.pending(
                campaignId,
                referral,
                userId,
                Beneficiary.REFERRER,
                Reward.Origin.of(
                        RewardSource.REFERRAL,
                        "it:" + referral,
                        UUID.randomUUID().toString(),
                        1,
                        null),
                new RewardPolicy.Spec(kind, amount),
                now,
                now);
    }

    /** The order behind {@code reward} was refunded after release: a negative adjustment of {@code fen}. */
    protected long refunded(Reward reward, long fen) {
        return tx.execute(s -> book.takeBack(
                rewards.byId(reward.id()).orElseThrow(), fen, "ORDER_REFUNDED", "refund-" + UUID.randomUUID()));
    }

    protected TestHttp as(Caller caller) {
        return TestHttp.at("http://127.0.0.1:" + port).as(caller);
    }

    protected TestHttp finance(String id) {
        return as(Caller.staff(id, Role.FINANCE));
    }

    /** A batch of everything released up to an hour from now, with the default minimum payout. */
    protected static Map<String, Object> batchBody(long campaignId) {
        Instant now = Instant.now();
        Map<String, Object> body = new HashMap<>();
        body.put("campaignId", campaignId);
        body.put("from", now.minus(Duration.ofDays(1)).toString());
        body.put("to", now.plus(Duration.ofHours(1)).toString());
        return body;
    }

    protected JsonNode createBatch(long campaignId) {
        return ok(finance("fin-1").post(BATCHES, batchBody(campaignId)), 201);
    }

    /** Creates, submits (fin-1) and approves (fin-2) a batch. */
    protected JsonNode approvedBatch(long campaignId) {
        long id = createBatch(campaignId).get("id").asLong();
        ok(finance("fin-1").post(BATCHES + "/" + id + "/submit", null), 200);
        return ok(finance("fin-2").post(BATCHES + "/" + id + "/approve", null), 200);
    }

    /** Creates, approves and confirms the payout of a batch. */
    protected JsonNode paidBatch(long campaignId) {
        long id = approvedBatch(campaignId).get("id").asLong();
        return ok(finance("fin-2").post(BATCHES + "/" + id + "/payout-confirmation", null), 200);
    }

    protected static JsonNode ok(TestHttp.Response r, int status) {
        if (r.status() != status) {
            throw new AssertionError("expected " + status + ", got " + r);
        }
        return r.json();
    }

    /** userId → amount of the batch's lines. */
    protected Map<String, Long> linesOf(long batchId) {
        Map<String, Long> lines = new HashMap<>();
        for (JsonNode l : ok(finance("fin-1").get(BATCHES + "/" + batchId + "/lines?size=500"), 200)) {
            lines.put(l.get("userId").asString(), l.get("amountFen").asLong());
        }
        return lines;
    }

    protected Long batchOf(Reward r) {
        return jdbc.queryForObject("SELECT settlement_batch_id FROM reward WHERE id = ?", Long.class, r.id());
    }

    protected String statusOf(Reward r) {
        return jdbc.queryForObject("SELECT status FROM reward WHERE id = ?", String.class, r.id());
    }

    protected long available(String userId) {
        return ledger.balance(Account.PAYABLE_AVAILABLE, userId, Unit.FEN);
    }

    protected long ledgerSum() {
        return jdbc.queryForObject("SELECT COALESCE(SUM(amount), 0) FROM ledger_entry", Long.class);
    }
}
