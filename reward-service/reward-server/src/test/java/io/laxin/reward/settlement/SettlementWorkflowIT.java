package io.laxin.reward.settlement;

import static io.laxin.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.Role;
import io.laxin.reward.ledger.domain.Account;
import io.laxin.reward.ledger.domain.Unit;
import io.laxin.reward.reward.domain.Reward;
import io.laxin.testsupport.TestHttp;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A batch's way from DRAFT to PAID (or REJECTED), who may move it, and what each move does to rewards and ledger. */
class SettlementWorkflowIT extends SettlementItSupport {

    @Test
    void shouldRefuseToApproveABatchWhoseRewardWasClawedBackAfterCollection() {
        long campaign = newCampaign();
        Reward r = earned(campaign, user("stale"), 400);
        long id = createBatch(campaign).get("id").asLong();
        ok(finance("fin-1").post(BATCHES + "/" + id + "/submit", null), 200);

        // fraud found (or a refund) after collection: a negative adjustment the batch's line does not net
        assertThat(refunded(r, 400)).isEqualTo(400);

        assertProblem(finance("fin-2").post(BATCHES + "/" + id + "/approve", null), 409, "SETTLEMENT_BATCH_STALE");
        assertThat(statusOf(r)).as("nothing settled").isEqualTo("AVAILABLE");
        assertThat(eventsOf(id, "REWARD_BATCH_SETTLED")).as("nothing announced").isEmpty();
        assertThat(ok(finance("fin-2").get(BATCHES + "/" + id), 200)
                        .get("state")
                        .asString())
                .isEqualTo("SUBMITTED");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM ledger_entry WHERE posting_type = 'SETTLE' " + "AND campaign_id = ?",
                        Long.class,
                        campaign))
                .isZero();
        // rejected and collected again, the reward and its clawback net to nothing: nothing is paid
        ok(finance("fin-2").post(BATCHES + "/" + id + "/reject", Map.of("note", "clawed back after collection")), 200);
        JsonNode again = createBatch(campaign);
        assertThat(again.get("totalFen").asLong()).isZero();
        assertThat(again.get("carriedOverUsers").asLong()).isEqualTo(1);
    }

    @Test
    void shouldNotLetTheCreatorApproveABatchSomeoneElseSubmitted() {
        long campaign = newCampaign();
        earned(campaign, user("cid"), 400);
        long id = createBatch(campaign).get("id").asLong(); // created by fin-1
        ok(finance("fin-2").post(BATCHES + "/" + id + "/submit", null), 200);

        assertProblem(finance("fin-1").post(BATCHES + "/" + id + "/approve", null), 403, "SETTLEMENT_SELF_APPROVAL");
        assertThat(ok(finance("fin-3").post(BATCHES + "/" + id + "/approve", null), 200)
                        .get("approvedBy")
                        .asString())
                .isEqualTo("fin-3");
    }

    @Test
    void shouldLetAnotherFinancePersonApproveButNotTheSubmitter() {
        long campaign = newCampaign();
        String ann = user("ann");
        Reward r = earned(campaign, ann, 400);
        long id = createBatch(campaign).get("id").asLong();
        JsonNode submitted = ok(finance("fin-1").post(BATCHES + "/" + id + "/submit", null), 200);

        assertProblem(finance("fin-1").post(BATCHES + "/" + id + "/approve", null), 403, "SETTLEMENT_SELF_APPROVAL");
        assertThat(statusOf(r)).isEqualTo("AVAILABLE");
        JsonNode approved = ok(finance("fin-2").post(BATCHES + "/" + id + "/approve", null), 200);

        assertThat(submitted.get("state").asString()).isEqualTo("SUBMITTED");
        assertThat(submitted.get("submittedBy").asString()).isEqualTo("fin-1");
        assertThat(approved.get("state").asString()).isEqualTo("APPROVED");
        assertThat(approved.get("approvedBy").asString()).isEqualTo("fin-2");
        var row = jdbc.queryForMap("SELECT status, settled_at, version FROM reward WHERE id = ?", r.id());
        assertThat(row.get("status")).isEqualTo("SETTLED");
        assertThat(row.get("settled_at")).isNotNull();
        assertThat(((Number) row.get("version")).intValue()).isEqualTo(r.version() + 1);
        long lineId = jdbc.queryForObject("SELECT id FROM settlement_line WHERE batch_id = ?", Long.class, id);
        assertThat(ledger.balance(Account.PAYABLE_AVAILABLE, ann, Unit.FEN)).isZero();
        assertThat(ledger.balance(Account.PAYABLE_SETTLED, ann, Unit.FEN)).isEqualTo(-400);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM ledger_entry WHERE posting_id = ? " + "AND posting_type = 'SETTLE'",
                        Long.class,
                        "settle:line:" + lineId))
                .isEqualTo(2);
    }

    @Test
    void shouldRefuseMovesTheBatchStateDoesNotAllow() {
        long campaign = newCampaign();
        earned(campaign, user("bea"), 400);
        long id = createBatch(campaign).get("id").asLong();

        assertProblem(
                finance("fin-2").post(BATCHES + "/" + id + "/approve", null), 409, "SETTLEMENT_ILLEGAL_TRANSITION");
        assertProblem(
                finance("fin-2").post(BATCHES + "/" + id + "/payout-confirmation", null),
                409,
                "SETTLEMENT_ILLEGAL_TRANSITION");
        ok(finance("fin-1").post(BATCHES + "/" + id + "/submit", null), 200);
        assertProblem(
                finance("fin-1").post(BATCHES + "/" + id + "/submit", null), 409, "SETTLEMENT_ILLEGAL_TRANSITION");
        assertProblem(finance("fin-1").post(BATCHES + "/999999/submit", null), 404, "SETTLEMENT_BATCH_NOT_FOUND");
    }

    @Test
    void shouldKeepFinanceWritesToFinanceAndLetAdminRead() {
        long campaign = newCampaign();
        earned(campaign, user("cy"), 400);
        long id = createBatch(campaign).get("id").asLong();
        TestHttp ops = as(Caller.staff("op-1", Role.OPS));

        assertProblem(ops.post(BATCHES, batchBody(campaign)), 403, "FORBIDDEN");
        assertProblem(ops.post(BATCHES + "/" + id + "/submit", null), 403, "FORBIDDEN");
        assertProblem(ops.get(BATCHES + "/" + id), 403, "FORBIDDEN");
        assertProblem(ops.get(BATCHES + "/" + id + "/lines"), 403, "FORBIDDEN");
        assertProblem(as(Caller.user("cy")).get(BATCHES), 403, "FORBIDDEN");
        assertProblem(TestHttp.at("http://127.0.0.1:" + port).get(BATCHES), 401, "UNAUTHENTICATED");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM settlement_batch WHERE campaign_id = ?", Long.class, campaign))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT state FROM settlement_batch WHERE id = ?", String.class, id))
                .isEqualTo("DRAFT");

        JsonNode asAdmin = ok(as(Caller.staff("admin-1", Role.ADMIN)).get(BATCHES + "/" + id), 200);
        assertThat(asAdmin.get("totalFen").asLong()).isEqualTo(400);
        JsonNode listed = ok(finance("fin-3").get(BATCHES + "?campaignId=" + campaign), 200);
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("id").asLong()).isEqualTo(id);
    }

    @Test
    void shouldReleaseTheRewardsOfARejectedBatchToTheNextOne() {
        long campaign = newCampaign();
        String dee = user("dee");
        Reward r = earned(campaign, dee, 400);
        long id = createBatch(campaign).get("id").asLong();
        ok(finance("fin-1").post(BATCHES + "/" + id + "/submit", null), 200);

        assertProblem(
                finance("fin-2").post(BATCHES + "/" + id + "/reject", Map.of("note", " ")), 400, "VALIDATION_FAILED");
        assertThat(batchOf(r)).isEqualTo(id);
        JsonNode rejected =
                ok(finance("fin-2").post(BATCHES + "/" + id + "/reject", Map.of("note", "wrong campaign")), 200);

        assertThat(rejected.get("state").asString()).isEqualTo("REJECTED");
        assertThat(rejected.get("note").asString()).isEqualTo("wrong campaign");
        assertThat(rejected.get("rejectedBy").asString()).isEqualTo("fin-2");
        assertThat(batchOf(r)).isNull();
        assertThat(statusOf(r)).isEqualTo("AVAILABLE");
        assertProblem(
                finance("fin-2").post(BATCHES + "/" + id + "/approve", null), 409, "SETTLEMENT_ILLEGAL_TRANSITION");
        long next = createBatch(campaign).get("id").asLong();
        assertThat(linesOf(next)).isEqualTo(Map.of(dee, 400L));
    }

    @Test
    void shouldServeTheSamePayoutFileOnceApproved() {
        long campaign = newCampaign();
        String eve = user("eve");
        String fay = user("fay");
        earned(campaign, eve, 250);
        earned(campaign, eve, 100);
        earned(campaign, fay, 125);
        long id = createBatch(campaign).get("id").asLong();
        assertProblem(
                finance("fin-1").get(BATCHES + "/" + id + "/payout-file"), 409, "SETTLEMENT_PAYOUT_FILE_NOT_READY");
        ok(finance("fin-1").post(BATCHES + "/" + id + "/submit", null), 200);
        ok(finance("fin-2").post(BATCHES + "/" + id + "/approve", null), 200);

        TestHttp.Response file = finance("fin-1").get(BATCHES + "/" + id + "/payout-file");

        assertThat(file.status()).isEqualTo(200);
        assertThat(file.header("Content-Type")).startsWith("text/csv");
        List<String> rows = Arrays.asList(file.text().split("\n"));
        assertThat(rows.get(0)).isEqualTo("user_id,amount_fen,reference");
        Map<String, Long> lineIds = Map.of(
                eve, jdbc.queryForObject("SELECT id FROM settlement_line WHERE user_id = ?", Long.class, eve),
                fay, jdbc.queryForObject("SELECT id FROM settlement_line WHERE user_id = ?", Long.class, fay));
        assertThat(rows.subList(1, rows.size()))
                .containsExactlyInAnyOrder(
                        eve + ",350,LX-" + id + "-" + lineIds.get(eve), fay + ",125,LX-" + id + "-" + lineIds.get(fay));
        long sum = rows.subList(1, rows.size()).stream()
                .mapToLong(l -> Long.parseLong(l.split(",")[1]))
                .sum();
        assertThat(sum).isEqualTo(475);
        ok(finance("fin-2").post(BATCHES + "/" + id + "/payout-confirmation", null), 200);
        assertThat(finance("fin-3").get(BATCHES + "/" + id + "/payout-file").text())
                .isEqualTo(file.text());
    }

    @Test
    void shouldMarkRewardsPaidAndPostThePayoutOnceOnConfirmation() {
        long campaign = newCampaign();
        String gil = user("gil");
        Reward r = earned(campaign, gil, 300);
        long id = approvedBatch(campaign).get("id").asLong();

        JsonNode paid = ok(finance("fin-3").post(BATCHES + "/" + id + "/payout-confirmation", null), 200);
        assertProblem(
                finance("fin-3").post(BATCHES + "/" + id + "/payout-confirmation", null),
                409,
                "SETTLEMENT_ILLEGAL_TRANSITION");

        assertThat(paid.get("state").asString()).isEqualTo("PAID");
        assertThat(paid.get("paidBy").asString()).isEqualTo("fin-3");
        var row = jdbc.queryForMap("SELECT status, paid_at FROM reward WHERE id = ?", r.id());
        assertThat(row.get("status")).isEqualTo("PAID");
        assertThat(row.get("paid_at")).isNotNull();
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM ledger_entry WHERE posting_type = 'PAY' " + "AND user_id = ?",
                        Long.class,
                        gil))
                .isEqualTo(2);
        assertThat(ledger.balance(Account.PAYABLE_SETTLED, gil, Unit.FEN)).isZero();
        assertThat(ledger.balance(Account.PAYOUT_CLEARING, gil, Unit.FEN)).isEqualTo(-300);
    }

    @Test
    void shouldAnnounceApprovalEachPayeesPayoutThePaidBatchAndTheRewardsMovesOnTheRewardTopic() {
        long campaign = newCampaign();
        String ida = user("ida");
        String jon = user("jon");
        earned(campaign, ida, 300);
        earned(campaign, ida, 200);
        earned(campaign, jon, 700);
        long id = approvedBatch(campaign).get("id").asLong();
        assertThat(eventsOf(id, "SETTLEMENT_APPROVED")).singleElement().satisfies(e -> {
            assertThat(e.get("state").asString()).isEqualTo("APPROVED");
            assertThat(e.get("lines").asLong()).isEqualTo(2);
            assertThat(e.get("totalFen").asLong()).isEqualTo(1200);
            assertThat(e.get("campaignId").asLong()).isEqualTo(campaign);
        });
        assertThat(eventsOf(id, "REWARD_PAID")).isEmpty();
        // the rewards' own move: one event for the whole batch, not one per reward
        assertThat(eventsOf(id, "REWARD_BATCH_SETTLED")).singleElement().satisfies(e -> {
            assertThat(e.get("status").asString()).isEqualTo("SETTLED");
            assertThat(e.get("rewardCount").asLong()).isEqualTo(3);
            assertThat(e.get("amountFen").asLong()).isEqualTo(1200);
            assertThat(e.get("campaignId").asLong()).isEqualTo(campaign);
        });
        assertThat(eventsOf(id, "REWARD_BATCH_PAID")).isEmpty();

        ok(finance("fin-3").post(BATCHES + "/" + id + "/payout-confirmation", null), 200);

        Map<String, Long> paid = new java.util.HashMap<>();
        eventsOf(id, "REWARD_PAID").forEach(e -> {
            paid.put(e.get("userId").asString(), e.get("amountFen").asLong());
            assertThat(e.get("payoutReference").asString())
                    .isEqualTo("LX-" + id + "-" + e.get("lineId").asLong());
        });
        assertThat(paid).isEqualTo(Map.of(ida, 500L, jon, 700L));
        assertThat(eventsOf(id, "SETTLEMENT_PAID")).singleElement().satisfies(e -> {
            assertThat(e.get("state").asString()).isEqualTo("PAID");
            assertThat(e.get("actor").asString()).isEqualTo("fin-3");
        });
        assertThat(eventsOf(id, "REWARD_BATCH_PAID")).singleElement().satisfies(e -> {
            assertThat(e.get("status").asString()).isEqualTo("PAID");
            assertThat(e.get("rewardCount").asLong()).isEqualTo(3);
            assertThat(e.get("amountFen").asLong()).isEqualTo(1200);
        });
        assertThat(eventsOf(id, "REWARD_BATCH_SETTLED")).hasSize(1);
    }

    /** The reward-topic events of one batch that the outbox holds, payloads as JSON. */
    private List<JsonNode> eventsOf(long batchId, String tag) {
        return jdbc
                .queryForList("SELECT payload FROM outbox_event WHERE tag = ? ORDER BY id", String.class, tag)
                .stream()
                .map(p -> TestHttp.JSON.readTree(p))
                .filter(e -> e.get("batchId").asLong() == batchId)
                .toList();
    }

    @Test
    void shouldAbsorbARefundAfterPayoutWithTheNextEarning() {
        long campaign = newCampaign();
        String hop = user("hop");
        Reward order = earned(campaign, hop, 500);
        paidBatch(campaign);
        assertThat(refunded(order, 200)).isEqualTo(200);

        JsonNode whileNegative = createBatch(campaign);
        earned(campaign, hop, 300);
        JsonNode absorbed = paidBatch(campaign);

        assertThat(whileNegative.get("lineCount").asLong()).isZero();
        assertThat(whileNegative.get("carriedOverUsers").asLong()).isEqualTo(1);
        assertThat(linesOf(absorbed.get("id").asLong())).isEqualTo(Map.of(hop, 100L));
        assertThat(absorbed.get("rewardCount").asLong())
                .as("the adjustment and the new earning")
                .isEqualTo(2);
        assertThat(available(hop)).isZero();
        assertThat(ledger.balance(Account.PAYABLE_SETTLED, hop, Unit.FEN)).isZero();
        assertThat(ledger.balance(Account.PAYOUT_CLEARING, hop, Unit.FEN)).isEqualTo(-600);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM reward WHERE user_id = ? AND status <> 'PAID'", Long.class, hop))
                .isZero();
        assertThat(ledgerSum()).isZero();
    }

    @Test
    void shouldAnswerARetriedConfirmationWithTheSameKeyAsTheFirstAndPostOnce() {
        long campaign = newCampaign();
        earned(campaign, user("gus"), 500);
        long id = approvedBatch(campaign).get("id").asLong();
        String confirm = BATCHES + "/" + id + "/payout-confirmation";

        var first = finance("fin-2").header("Idempotency-Key", "pay-" + id).post(confirm, null);
        var retried = finance("fin-2").header("Idempotency-Key", "pay-" + id).post(confirm, null);

        assertThat(first.status()).isEqualTo(200);
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json()).isEqualTo(first.json());
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM ledger_entry WHERE posting_id LIKE 'pay:line:%' " + "AND campaign_id = ?",
                        Long.class, campaign))
                .isEqualTo(2);
        assertProblem(finance("fin-2").post(confirm, null), 409, "SETTLEMENT_ILLEGAL_TRANSITION");
    }

    @Test
    void shouldRecordNoKeyForARefusedMoveAndWriteNothingMoreOnAReplay() {
        long campaign = newCampaign();
        earned(campaign, user("hal"), 300);
        long id = createBatch(campaign).get("id").asLong();
        String approve = BATCHES + "/" + id + "/approve";
        String key = "approve-" + id;

        // refused inside the use case's transaction: the key goes with it, so it can be used again
        assertProblem(
                finance("fin-2").header("Idempotency-Key", key).post(approve, null),
                409,
                "SETTLEMENT_ILLEGAL_TRANSITION");
        assertThat(recordedKeys(key)).isZero();

        ok(finance("fin-1").post(BATCHES + "/" + id + "/submit", null), 200);
        var first = finance("fin-2").header("Idempotency-Key", key).post(approve, null);
        long entries = ledgerEntries(campaign);
        var replay = finance("fin-2").header("Idempotency-Key", key).post(approve, null);

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().get("state").asString()).isEqualTo("APPROVED");
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json()).isEqualTo(first.json());
        assertThat(entries).isPositive();
        assertThat(ledgerEntries(campaign)).isEqualTo(entries);
        assertThat(recordedKeys(key)).isOne();
    }

    private long recordedKeys(String key) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM idempotency_record WHERE idem_key = ?", Long.class, key);
    }

    private long ledgerEntries(long campaign) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM ledger_entry WHERE campaign_id = ?", Long.class, campaign);
    }
}
