package io.laxin.reward.settlement;

import static io.laxin.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.laxin.reward.reward.domain.Reward;
import io.laxin.reward.reward.domain.RewardBatches;
import io.laxin.reward.reward.domain.RewardKind;
import io.laxin.reward.settlement.application.CollectingSettlementBatch;
import io.laxin.reward.settlement.domain.Period;
import io.laxin.reward.settlement.domain.SettlementBatches;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Creating a batch: what it collects, what it carries over, and its progress. */
class SettlementCollectionIT extends SettlementItSupport {

    @Autowired
    SettlementBatches settlementBatches;

    @Autowired
    RewardBatches rewardBatches;

    @Autowired
    CollectingSettlementBatch collecting;

    @Test
    void shouldCollectAvailableCashRewardsIntoOneLinePerUser() {
        long campaign = newCampaign();
        String alice = user("alice");
        String bob = user("bob");
        String carol = user("carol");
        Reward alice1 = earned(campaign, alice, 300);
        Reward alice2 = earned(campaign, alice, 200);
        Reward bob1 = earned(campaign, bob, 150);
        Reward carol1 = earned(campaign, carol, 50);
        Reward points = released(draft(campaign, bob, RewardKind.POINTS, 900));
        Reward stillHeld = pending(campaign, alice, 700);
        Reward otherCampaign = earned(newCampaign(), alice, 400);

        JsonNode batch = createBatch(campaign);

        long id = batch.get("id").asLong();
        assertThat(batch.get("state").asString()).isEqualTo("DRAFT");
        assertThat(batch.get("lineCount").asLong()).isEqualTo(2);
        assertThat(batch.get("totalFen").asLong()).isEqualTo(650);
        assertThat(batch.get("rewardCount").asLong()).isEqualTo(3);
        assertThat(batch.get("carriedOverUsers").asLong()).isEqualTo(1);
        assertThat(batch.get("minPayoutFen").asLong()).isEqualTo(100);
        assertThat(batch.get("createdBy").asString()).isEqualTo("fin-1");
        assertThat(linesOf(id)).isEqualTo(Map.of(alice, 500L, bob, 150L));
        assertThat(List.of(batchOf(alice1), batchOf(alice2), batchOf(bob1))).containsOnly(id);
        assertThat(batchOf(carol1)).as("carried over").isNull();
        assertThat(batchOf(points)).isNull();
        assertThat(batchOf(stillHeld)).isNull();
        assertThat(batchOf(otherCampaign)).isNull();
        assertThat(statusOf(alice1)).isEqualTo("AVAILABLE");
    }

    @Test
    void shouldRecordTheCollectionProgressAsASettlementJobRun() {
        long campaign = newCampaign();
        IntStream.range(0, 5).forEach(i -> earned(campaign, user("u"), 120));
        earned(campaign, user("small"), 10);

        JsonNode batch = createBatch(campaign);

        long run = batch.get("collection").get("jobRunId").asLong();
        var row =
                jdbc.queryForMap("SELECT job, subject, status, total, done, started_by FROM job_run WHERE id = ?", run);
        assertThat(row.get("job")).isEqualTo("settlement");
        assertThat(row.get("subject")).isEqualTo("batch:" + batch.get("id").asLong());
        assertThat(row.get("status")).isEqualTo("DONE");
        assertThat(((Number) row.get("done")).longValue())
                .as("6 rewards claimed, then 6 summed")
                .isEqualTo(12);
        assertThat(((Number) row.get("total")).longValue()).isEqualTo(12);
        assertThat(row.get("started_by")).isEqualTo("fin-1");
        JsonNode viaJobs = ok(finance("fin-1").get("/api/v1/admin/rewards/jobs/" + run), 200);
        assertThat(viaJobs.get("percent").asInt()).isEqualTo(100);
        assertThat(viaJobs.get("summary").asString()).contains("\"lines\":5").contains("\"carriedOverUsers\":1");
        assertThat(batch.get("collection").get("status").asString()).isEqualTo("DONE");
    }

    @Test
    void shouldCarryOverAUserBelowTheMinimumUntilTheNextBatch() {
        long campaign = newCampaign();
        String carol = user("carol");
        Reward first = earned(campaign, carol, 60);

        JsonNode batch1 = createBatch(campaign);
        Reward second = earned(campaign, carol, 50);
        JsonNode batch2 = createBatch(campaign);

        assertThat(batch1.get("lineCount").asLong()).isZero();
        assertThat(batch1.get("carriedOverUsers").asLong()).isEqualTo(1);
        long id2 = batch2.get("id").asLong();
        assertThat(linesOf(id2)).isEqualTo(Map.of(carol, 110L));
        assertThat(batchOf(first)).isEqualTo(id2);
        assertThat(batchOf(second)).isEqualTo(id2);
    }

    @Test
    void shouldApplyAMinimumPayoutGivenWithTheRequest() {
        long campaign = newCampaign();
        String dan = user("dan");
        earned(campaign, dan, 30);
        Map<String, Object> body = batchBody(campaign);
        body.put("minPayoutFen", 20);

        JsonNode batch = ok(finance("fin-1").post(BATCHES, body), 201);

        assertThat(batch.get("minPayoutFen").asLong()).isEqualTo(20);
        assertThat(linesOf(batch.get("id").asLong())).isEqualTo(Map.of(dan, 30L));
    }

    @Test
    void shouldNotCollectRewardsReleasedAfterThePeriodEnd() {
        long campaign = newCampaign();
        Reward late = earned(campaign, user("late"), 500);
        Map<String, Object> body = batchBody(campaign);
        body.put("from", Instant.now().minus(Duration.ofDays(2)).toString());
        body.put("to", Instant.now().minus(Duration.ofDays(1)).toString());

        JsonNode batch = ok(finance("fin-1").post(BATCHES, body), 201);

        assertThat(batch.get("lineCount").asLong()).isZero();
        assertThat(batchOf(late)).isNull();
    }

    @Test
    void shouldNotCollectRewardsAnotherBatchHolds() {
        long campaign = newCampaign();
        Reward r = earned(campaign, user("erin"), 500);
        long first = createBatch(campaign).get("id").asLong();

        JsonNode second = createBatch(campaign);

        assertThat(second.get("lineCount").asLong()).isZero();
        assertThat(second.get("rewardCount").asLong()).isZero();
        assertThat(batchOf(r)).isEqualTo(first);
    }

    @Test
    void shouldNeverCollectOneRewardIntoTwoBatchesCreatedAtOnce() {
        long campaign = newCampaign();
        List<Reward> earned = IntStream.range(0, 30)
                .mapToObj(i -> earned(campaign, user("c"), 100 + i))
                .toList();
        long earnedFen = earned.stream().mapToLong(Reward::amount).sum();

        var a = CompletableFuture.supplyAsync(() -> finance("fin-a").post(BATCHES, batchBody(campaign)));
        var b = CompletableFuture.supplyAsync(() -> finance("fin-b").post(BATCHES, batchBody(campaign)));
        long idA = ok(a.join(), 201).get("id").asLong();
        long idB = ok(b.join(), 201).get("id").asLong();

        long linesFen = jdbc.queryForObject(
                "SELECT COALESCE(SUM(amount_fen), 0) FROM settlement_line " + "WHERE batch_id IN (?, ?)",
                Long.class,
                idA,
                idB);
        long lineRewards = jdbc.queryForObject(
                "SELECT COALESCE(SUM(reward_count), 0) FROM settlement_line " + "WHERE batch_id IN (?, ?)",
                Long.class,
                idA,
                idB);
        assertThat(linesFen).isEqualTo(earnedFen);
        assertThat(lineRewards).isEqualTo(earned.size());
        assertThat(earned).allSatisfy(r -> assertThat(batchOf(r)).isIn(idA, idB));
    }

    @Test
    void shouldAnswerTheSameBatchWhenTheCreationIsRetriedWithItsKey() {
        long campaign = newCampaign();
        earned(campaign, user("gus"), 200);
        Map<String, Object> body = batchBody(campaign);

        JsonNode first =
                ok(finance("fin-1").header("Idempotency-Key", "k-" + campaign).post(BATCHES, body), 201);
        JsonNode again =
                ok(finance("fin-1").header("Idempotency-Key", "k-" + campaign).post(BATCHES, body), 201);

        assertThat(again.get("id").asLong()).isEqualTo(first.get("id").asLong());
        assertThat(again.get("totalFen").asLong()).isEqualTo(200);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM settlement_batch WHERE campaign_id = ?", Long.class, campaign))
                .isEqualTo(1);
    }

    @Test
    void shouldCollectOneCalendarDay() {
        long campaign = newCampaign();
        Map<String, Object> body = Map.of("campaignId", campaign, "day", "2026-11-20");

        JsonNode batch = ok(finance("fin-1").post(BATCHES, body), 201);

        assertThat(batch.get("from").asString()).isEqualTo("2026-11-19T16:00:00Z");
        assertThat(batch.get("to").asString()).isEqualTo("2026-11-20T16:00:00Z");
    }

    @Test
    void shouldRefuseABadPeriodOrMinimumAndWriteNothing() {
        long campaign = newCampaign();
        Reward r = earned(campaign, user("hal"), 500);
        Map<String, Object> backwards = batchBody(campaign);
        backwards.put("from", backwards.get("to"));
        Map<String, Object> dayAndRange = batchBody(campaign);
        dayAndRange.put("day", "2026-11-20");
        Map<String, Object> noMinimum = batchBody(campaign);
        noMinimum.put("minPayoutFen", 0);

        assertProblem(finance("fin-1").post(BATCHES, backwards), 400, "SETTLEMENT_INVALID_PERIOD");
        assertProblem(finance("fin-1").post(BATCHES, dayAndRange), 400, "SETTLEMENT_INVALID_PERIOD");
        assertProblem(finance("fin-1").post(BATCHES, Map.of("campaignId", campaign)), 400, "SETTLEMENT_INVALID_PERIOD");
        assertProblem(finance("fin-1").post(BATCHES, noMinimum), 400, "VALIDATION_FAILED");

        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM settlement_batch WHERE campaign_id = ?", Long.class, campaign))
                .isZero();
        assertThat(batchOf(r)).isNull();
    }

    @Test
    void shouldReleaseTheRewardsOfABatchWhoseCollectorDiedToTheNextBatch() {
        long campaign = newCampaign();
        String erin = user("erin");
        Reward r = earned(campaign, erin, 300);
        // the process died after claiming the rewards, before building the lines
        Instant now = clock.instant();
        long dead = settlementBatches.add(
                campaign,
                new Period(now.minus(Duration.ofDays(30)), now.plusSeconds(60)),
                100,
                "fin-1",
                now.minus(Duration.ofMinutes(20)));
        tx.executeWithoutResult(s -> rewardBatches.claimNext(dead, campaign, now.plusSeconds(60), 0, 100));
        assertThat(batchOf(r)).isEqualTo(dead);

        int failed = collecting.recoverStuck(Duration.ofMinutes(15));

        assertThat(failed).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT state FROM settlement_batch WHERE id = ?", String.class, dead))
                .isEqualTo("FAILED");
        assertThat(batchOf(r)).isNull();
        JsonNode next = createBatch(campaign);
        assertThat(linesOf(next.get("id").asLong())).isEqualTo(Map.of(erin, 300L));
        assertThat(collecting.recoverStuck(Duration.ofMinutes(15)))
                .as("a live or finished batch is left alone")
                .isZero();
    }
}
