package io.laxin.reward.reward;

import static io.laxin.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.laxin.invite.api.dto.CapsDTO;
import io.laxin.invite.api.dto.MilestoneDTO;
import io.laxin.invite.api.dto.RewardPolicyDTO;
import io.laxin.invite.api.dto.RewardSpecDTO;
import io.laxin.invite.api.event.ReferralAttributedEvent;
import io.laxin.kernel.identity.Caller;
import io.laxin.kernel.identity.Role;
import io.laxin.reward.RewardItSupport;
import io.laxin.reward.ledger.domain.Account;
import io.laxin.reward.ledger.domain.Ledger;
import io.laxin.reward.ledger.domain.Posting;
import io.laxin.reward.ledger.domain.PostingType;
import io.laxin.reward.ledger.domain.Unit;
import io.laxin.reward.reward.application.ReleasingRewards;
import io.laxin.reward.reward.domain.Reward;
import io.laxin.testsupport.RocketMqProbe;
import io.laxin.testsupport.TestHttp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.IllegalTransactionStateException;

/** Budgets under concurrency, the release job on two replicas, and fraud verdicts before and after release. */
class RewardLifecycleIT extends RewardItSupport {

    @Autowired
    ReleasingRewards releasing;

    @Autowired
    io.laxin.reward.reward.application.RewardBook book;

    @Autowired
    io.laxin.reward.reward.domain.Rewards rewardStore;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Autowired
    Ledger ledger;

    private static RewardPolicyDTO withBudget(long referrerFen, long inviteeFen, int holdDays, long budgetFen) {
        return new RewardPolicyDTO(
                new RewardSpecDTO(RewardSpecDTO.RewardKind.CASH, referrerFen),
                new RewardSpecDTO(RewardSpecDTO.RewardKind.CASH, inviteeFen),
                holdDays,
                null,
                null,
                budgetFen,
                null);
    }

    private long rewards(long campaign, String status) {
        return count("SELECT COUNT(*) FROM reward WHERE campaign_id = ? AND status = ?", campaign, status);
    }

    private long unbalancedPostings() {
        return count("SELECT COUNT(*) FROM (SELECT posting_id FROM ledger_entry GROUP BY posting_id, unit "
                + "HAVING SUM(amount) <> 0) x");
    }

    private void awaitRewards(long campaign, long n) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> count("SELECT COUNT(*) FROM reward WHERE campaign_id = ?", campaign) >= n);
    }

    @Test
    void shouldIssueExactlyWhatTheBudgetCoversUnderConcurrentDeliveriesAndRefuseTheRestWithAReason() {
        long campaign = nextId();
        Instant at = CLOCK.instant();
        List<ReferralAttributedEvent> events = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            events.add(attributed(
                    campaign, nextId(), "budget-ref-" + i, "budget-inv-" + i, withBudget(100, 0, 7, 3700), at));
        }

        deliverAll(events);

        awaitRewards(campaign, 100);
        assertThat(rewards(campaign, "PENDING")).isEqualTo(37);
        assertThat(rewards(campaign, "REFUSED")).isEqualTo(63);
        assertThat(count(
                        "SELECT COUNT(*) FROM reward WHERE campaign_id = ? AND status = 'REFUSED' "
                                + "AND status_reason = 'BUDGET_EXHAUSTED'",
                        campaign))
                .isEqualTo(63);
        assertThat(count("SELECT used_fen FROM campaign_budget WHERE campaign_id = ?", campaign))
                .isEqualTo(3700);
        assertThat(count(
                        "SELECT COALESCE(SUM(amount), 0) FROM ledger_entry WHERE campaign_id = ? "
                                + "AND account = 'CAMPAIGN_EXPENSE'",
                        campaign))
                .isEqualTo(3700);
        assertThat(count(
                        "SELECT COUNT(*) FROM ledger_entry e JOIN reward r ON r.id = e.reward_id "
                                + "WHERE r.campaign_id = ? AND r.status = 'REFUSED'",
                        campaign))
                .as("refused rewards post nothing")
                .isZero();
    }

    @Test
    void shouldReleaseEachRewardOnceWhenTwoJobsRunAtTheSameTime() throws Exception {
        long campaign = nextId();
        Instant longAgo = CLOCK.instant().minus(Duration.ofDays(10));
        List<ReferralAttributedEvent> events = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            events.add(attributed(campaign, nextId(), "rel-ref-" + i, "rel-inv-" + i, policy(100, 50, 7), longAgo));
        }
        deliverAll(events);
        awaitRewards(campaign, 60);
        long due = count(
                "SELECT COUNT(*) FROM reward WHERE status = 'PENDING' AND release_at <= ?",
                java.sql.Timestamp.from(CLOCK.instant()));
        CountDownLatch start = new CountDownLatch(1);

        var first = CompletableFuture.supplyAsync(() -> awaitThen(start, () -> releasing.releaseDue("replica-a", 7)));
        var second = CompletableFuture.supplyAsync(() -> awaitThen(start, () -> releasing.releaseDue("replica-b", 7)));
        start.countDown();
        ReleasingRewards.Report a = first.get();
        ReleasingRewards.Report b = second.get();

        assertThat(a.released() + b.released()).isEqualTo(due);
        assertThat(rewards(campaign, "AVAILABLE")).isEqualTo(60);
        assertThat(count(
                        "SELECT COUNT(*) FROM (SELECT e.reward_id FROM ledger_entry e JOIN reward r "
                                + "ON r.id = e.reward_id WHERE r.campaign_id = ? AND e.posting_type = 'RELEASE' "
                                + "GROUP BY e.reward_id HAVING COUNT(DISTINCT e.posting_id) <> 1) x",
                        campaign))
                .isZero();
        assertThat(count(
                        "SELECT COUNT(DISTINCT posting_id) FROM ledger_entry e JOIN reward r ON r.id = e.reward_id "
                                + "WHERE r.campaign_id = ? AND e.posting_type = 'RELEASE'",
                        campaign))
                .isEqualTo(60);
        assertThat(count(
                        "SELECT COUNT(*) FROM job_run WHERE job = 'release' AND status = 'DONE' " + "AND id IN (?, ?)",
                        a.runId() == null ? -1 : a.runId(),
                        b.runId() == null ? -1 : b.runId()))
                .as("each run that released something is recorded with what it did")
                .isEqualTo((a.runId() == null ? 0 : 1) + (b.runId() == null ? 0 : 1));
        assertThat(unbalancedPostings()).isZero();
    }

    private static <T> T awaitThen(CountDownLatch start, java.util.function.Supplier<T> action) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return action.get();
    }

    @Test
    void shouldRevokePendingRewardsOnAFraudRejectAndGiveTheBudgetBackOnce() {
        long campaign = nextId();
        deliver(attributed(campaign, nextId(), "rj-alice", "rj-bob", withBudget(100, 50, 7, 10_000), CLOCK.instant()));
        awaitRewards(campaign, 2);
        var reject = rejected(campaign, "rj-bob", "rj-alice");
        long before = RocketMqProbe.consumed(context, topics.risk());

        deliver(reject);
        deliver(reject);

        awaitConsumed(topics.risk(), before + 2);
        assertThat(rewards(campaign, "REVOKED")).isEqualTo(2);
        assertThat(count(
                        "SELECT COUNT(*) FROM reward WHERE campaign_id = ? AND status_reason = 'FRAUD_REJECTED'",
                        campaign))
                .isEqualTo(2);
        assertThat(count(
                        "SELECT COUNT(DISTINCT posting_id) FROM ledger_entry WHERE campaign_id = ? "
                                + "AND posting_type = 'REVOKE'",
                        campaign))
                .as("the second delivery changes nothing")
                .isEqualTo(2);
        assertThat(count(
                        "SELECT COALESCE(SUM(amount), 0) FROM ledger_entry WHERE campaign_id = ? "
                                + "AND account = 'CAMPAIGN_EXPENSE'",
                        campaign))
                .isZero();
        assertThat(count("SELECT used_fen FROM campaign_budget WHERE campaign_id = ?", campaign))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM attribution WHERE campaign_id = ? AND status = 'REVOKED'", campaign))
                .isEqualTo(1);
    }

    @Test
    void shouldClawBackReleasedRewardsWithNegativeAdjustmentsOnALateReject() {
        long campaign = nextId();
        deliver(attributed(
                campaign,
                nextId(),
                "late-alice",
                "late-bob",
                policy(100, 50, 7),
                CLOCK.instant().minus(Duration.ofDays(8))));
        awaitRewards(campaign, 2);
        var run = http().as(Caller.staff("fin-1", Role.FINANCE)).post("/api/v1/admin/rewards/release-runs", Map.of());
        assertThat(run.status()).isEqualTo(200);
        assertThat(rewards(campaign, "AVAILABLE")).isEqualTo(2);
        Map<String, Object> released = jdbc.queryForMap(
                "SELECT subject, summary FROM job_run WHERE id = ?",
                run.json().get("runId").asLong());
        assertThat((String) released.get("summary"))
                .as("the summary names the instant its subject does, as Instant#toString writes it")
                .contains("\"dueBefore\":\"" + ((String) released.get("subject")).substring("due-before:".length())
                        + "\"")
                .contains("\"released\":" + run.json().get("released").asInt());
        var bobBefore = http().as(Caller.user("late-bob")).get("/api/v1/rewards/mine/balances");
        assertThat(fen(bobBefore, "available")).isEqualTo(50);

        deliver(rejected(campaign, "late-bob", "late-alice"));

        await().atMost(Duration.ofSeconds(60))
                .until(() -> count(
                                "SELECT COUNT(*) FROM reward WHERE campaign_id = ? " + "AND source = 'ADJUSTMENT'",
                                campaign)
                        == 2);
        assertThat(count(
                        "SELECT amount FROM reward WHERE campaign_id = ? AND source = 'ADJUSTMENT' "
                                + "AND user_id = 'late-alice'",
                        campaign))
                .isEqualTo(-100);
        assertThat(rewards(campaign, "AVAILABLE"))
                .as("released rewards keep their status; adjustments offset them")
                .isEqualTo(4);
        var bobAfter = http().as(Caller.user("late-bob")).get("/api/v1/rewards/mine/balances");
        assertThat(fen(bobAfter, "available")).isZero();
        assertThat(count(
                        "SELECT COUNT(*) FROM ledger_entry WHERE campaign_id = ? AND posting_type = 'CLAWBACK'",
                        campaign))
                .isEqualTo(4);
        assertThat(unbalancedPostings()).isZero();
    }

    @Test
    void shouldNeverTakeBackMoreThanWasIssuedWhenClawbacksOfOneRewardRace() throws Exception {
        long campaign = nextId();
        deliver(attributed(
                campaign,
                nextId(),
                "race-alice",
                "race-bob",
                policy(100, 50, 7),
                CLOCK.instant().minus(Duration.ofDays(8))));
        awaitRewards(campaign, 2);
        http().as(Caller.staff("fin-1", Role.FINANCE)).post("/api/v1/admin/rewards/release-runs", Map.of());
        long rewardId = count("SELECT id FROM reward WHERE campaign_id = ? AND user_id = 'race-alice'", campaign);
        Reward released = rewardStore.byId(rewardId).orElseThrow();
        assertThat(released.status().name()).isEqualTo("AVAILABLE");

        // a fraud REJECT and refunds of the same released reward, all at once, each wanting all of it back
        int racers = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Long>> taken = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            String cause = "race-" + i;
            taken.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return transactions.execute(s -> book.takeBack(released, 100, "FRAUD_REJECTED", cause));
            }));
        }
        start.countDown();
        long total = 0;
        for (CompletableFuture<Long> t : taken) {
            total += t.get();
        }

        assertThat(total).isEqualTo(100);
        assertThat(count("SELECT -SUM(amount) FROM reward WHERE adjusts_reward_id = ?", rewardId))
                .isEqualTo(100);
        assertThat(unbalancedPostings()).isZero();
    }

    private static long fen(TestHttp.Response balances, String field) {
        for (var b : balances.json()) {
            if ("FEN".equals(b.get("unit").asString())) {
                return b.get(field).asLong();
            }
        }
        throw new AssertionError("no FEN balance in " + balances);
    }

    @Test
    void shouldGrantNothingWhenTheRejectArrivedBeforeTheAttribution() {
        long campaign = nextId();
        var reject = rejected(campaign, "early-bob", "early-alice");
        long before = RocketMqProbe.consumed(context, topics.risk());
        deliver(reject);
        awaitConsumed(topics.risk(), before + 1);

        deliver(attributed(campaign, nextId(), "early-alice", "early-bob", policy(100, 50, 7), CLOCK.instant()));

        awaitRewards(campaign, 2);
        assertThat(rewards(campaign, "REFUSED")).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM ledger_entry WHERE campaign_id = ?", campaign))
                .isZero();
    }

    @Test
    void shouldPayTheMilestoneBonusOnTheReferrersThirdInvitee() {
        long campaign = nextId();
        RewardPolicyDTO milestones = new RewardPolicyDTO(
                new RewardSpecDTO(RewardSpecDTO.RewardKind.POINTS, 10),
                new RewardSpecDTO(RewardSpecDTO.RewardKind.POINTS, 5),
                7,
                List.of(new MilestoneDTO(3, new RewardSpecDTO(RewardSpecDTO.RewardKind.CASH, 888))),
                null,
                null,
                null);
        List<ReferralAttributedEvent> events = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            events.add(attributed(campaign, nextId(), "ms-alice", "ms-inv-" + i, milestones, CLOCK.instant()));
        }
        deliverAll(events);

        awaitRewards(campaign, 9);
        assertThat(count(
                        "SELECT COUNT(*) FROM reward WHERE campaign_id = ? AND source = 'MILESTONE' "
                                + "AND user_id = 'ms-alice' AND amount = 888 AND kind = 'CASH'",
                        campaign))
                .isEqualTo(1);
        assertThat(count(
                        "SELECT attributed FROM referrer_tally WHERE campaign_id = ? AND user_id = 'ms-alice'",
                        campaign))
                .isEqualTo(4);
    }

    @Test
    void shouldCountOnlyStandingInviteesTowardsAMilestoneAndPayEachMilestoneOnce() {
        long campaign = nextId();
        RewardPolicyDTO secondPays = new RewardPolicyDTO(
                new RewardSpecDTO(RewardSpecDTO.RewardKind.POINTS, 10),
                new RewardSpecDTO(RewardSpecDTO.RewardKind.POINTS, 5),
                7,
                List.of(new MilestoneDTO(2, new RewardSpecDTO(RewardSpecDTO.RewardKind.CASH, 888))),
                null,
                null,
                null);
        String sql = "SELECT COUNT(*) FROM reward WHERE campaign_id = ? AND source = 'MILESTONE' AND status = ?";

        deliver(attributed(campaign, nextId(), "msr-alice", "msr-1", secondPays, CLOCK.instant()));
        awaitRewards(campaign, 2);
        rejectAndWait(campaign, "msr-1", "msr-alice");
        deliver(attributed(campaign, nextId(), "msr-alice", "msr-2", secondPays, CLOCK.instant()));
        awaitRewards(campaign, 4);
        assertThat(count("SELECT COUNT(*) FROM reward WHERE campaign_id = ? AND source = 'MILESTONE'", campaign))
                .as("msr-2 is the second invitee, but the first was revoked as fraud")
                .isZero();

        deliver(attributed(campaign, nextId(), "msr-alice", "msr-3", secondPays, CLOCK.instant()));
        awaitRewards(campaign, 7);
        assertThat(count(sql, campaign, "PENDING"))
                .as("msr-3 is the second that stands")
                .isEqualTo(1);

        // msr-2 is revoked too, and msr-4 becomes the second standing invitee again: the milestone is held already
        rejectAndWait(campaign, "msr-2", "msr-alice");
        deliver(attributed(campaign, nextId(), "msr-alice", "msr-4", secondPays, CLOCK.instant()));
        awaitRewards(campaign, 9);
        assertThat(count("SELECT COUNT(*) FROM reward WHERE campaign_id = ? AND source = 'MILESTONE'", campaign))
                .as("paid once while it stands")
                .isEqualTo(1);
    }

    private void rejectAndWait(long campaign, String invitee, String referrer) {
        long before = RocketMqProbe.consumed(context, topics.risk());
        deliver(rejected(campaign, invitee, referrer));
        awaitConsumed(topics.risk(), before + 1);
    }

    @Test
    void shouldRefuseTheReferrersRewardPastTheDailyCapAndStillRewardTheInvitee() {
        long campaign = nextId();
        RewardPolicyDTO capped = new RewardPolicyDTO(
                new RewardSpecDTO(RewardSpecDTO.RewardKind.CASH, 100),
                new RewardSpecDTO(RewardSpecDTO.RewardKind.CASH, 50),
                7,
                null,
                new CapsDTO(2, null, null),
                null,
                null);
        List<ReferralAttributedEvent> events = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            events.add(attributed(campaign, nextId(), "cap-alice", "cap-inv-" + i, capped, CLOCK.instant()));
        }

        deliverAll(events);

        awaitRewards(campaign, 6);
        assertThat(count(
                        "SELECT COUNT(*) FROM reward WHERE campaign_id = ? AND user_id = 'cap-alice' "
                                + "AND status = 'PENDING'",
                        campaign))
                .isEqualTo(2);
        assertThat(count(
                        "SELECT COUNT(*) FROM reward WHERE campaign_id = ? AND user_id = 'cap-alice' "
                                + "AND status = 'REFUSED' AND status_reason = 'CAP_PER_DAY'",
                        campaign))
                .isEqualTo(1);
        assertThat(count(
                        "SELECT COUNT(*) FROM reward WHERE campaign_id = ? AND beneficiary = 'INVITEE' "
                                + "AND status = 'PENDING'",
                        campaign))
                .isEqualTo(3);
    }

    @Test
    void shouldRevokeEveryPendingRewardOfACancelledCampaignAndGiveTheBudgetBack() {
        long campaign = nextId();
        deliverAll(List.of(
                attributed(campaign, nextId(), "cx-alice", "cx-bob", withBudget(100, 50, 7, 10_000), CLOCK.instant()),
                attributed(
                        campaign, nextId(), "cx-alice", "cx-carol", withBudget(100, 50, 7, 10_000), CLOCK.instant())));
        awaitRewards(campaign, 4);
        String path = "/api/v1/admin/rewards/campaigns/" + campaign + "/cancellation";
        assertProblem(http().as(Caller.staff("op-1", Role.OPS)).post(path, Map.of()), 403, "FORBIDDEN");

        var run = http().as(Caller.staff("fin-1", Role.FINANCE)).post(path, Map.of());

        assertThat(run.status()).isEqualTo(200);
        assertThat(run.json().get("revoked").asInt()).isEqualTo(4);
        assertThat(count(
                        "SELECT COUNT(*) FROM reward WHERE campaign_id = ? AND status = 'REVOKED' "
                                + "AND status_reason = 'CAMPAIGN_CANCELLED'",
                        campaign))
                .isEqualTo(4);
        assertThat(count("SELECT used_fen FROM campaign_budget WHERE campaign_id = ?", campaign))
                .isZero();
        assertThat(count(
                        "SELECT COALESCE(SUM(amount), 0) FROM ledger_entry WHERE campaign_id = ? "
                                + "AND account = 'CAMPAIGN_EXPENSE'",
                        campaign))
                .isZero();
        assertThat(count(
                        "SELECT done FROM job_run WHERE id = ?",
                        run.json().get("runId").asLong()))
                .isEqualTo(4);
        assertThat(jdbc.queryForObject(
                        "SELECT summary FROM job_run WHERE id = ?",
                        String.class,
                        run.json().get("runId").asLong()))
                .contains("\"campaignId\":" + campaign)
                .contains("\"revoked\":4");
        var again = http().as(Caller.staff("fin-1", Role.FINANCE)).post(path, Map.of());
        assertThat(again.json().get("revoked").asInt())
                .as("nothing left to revoke")
                .isZero();
        assertThat(unbalancedPostings()).isZero();
    }

    @Test
    void shouldLetOnlyFinanceRunTheReleaseByHand() {
        assertProblem(
                http().as(Caller.staff("op-1", Role.OPS)).post("/api/v1/admin/rewards/release-runs", Map.of()),
                403,
                "FORBIDDEN");
        assertProblem(http().post("/api/v1/admin/rewards/release-runs", Map.of()), 401, "UNAUTHENTICATED");
    }

    /**
     * The ledger appends only in the use case's transaction (MANDATORY), so a posting never commits apart from the
     * move it records: outside one it throws and writes nothing.
     */
    @Test
    void shouldRefuseToPostToTheLedgerOutsideATransactionAndWriteNothing() {
        Posting one = ledgerPosting();
        Posting two = ledgerPosting();

        assertThatThrownBy(() -> ledger.post(one)).isInstanceOf(IllegalTransactionStateException.class);
        assertThatThrownBy(() -> ledger.postAll(List.of(two))).isInstanceOf(IllegalTransactionStateException.class);

        assertThat(entriesOf(one)).isZero();
        assertThat(entriesOf(two)).isZero();
        Boolean posted = transactions.execute(s -> ledger.post(one));
        assertThat(posted).as("inside the caller's transaction it posts").isTrue();
        assertThat(entriesOf(one)).isEqualTo(2);
    }

    /** A balanced posting of a campaign no other test uses, so no report or reconciliation counts it. */
    private static Posting ledgerPosting() {
        return Posting.debitCredit(
                "it-ledger:" + UUID.randomUUID(),
                PostingType.ISSUE,
                987_654_321L,
                "ledger-it",
                null,
                Unit.POINTS,
                10,
                Account.CAMPAIGN_EXPENSE,
                Account.PAYABLE_PENDING,
                CLOCK.instant());
    }

    private long entriesOf(Posting p) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM ledger_entry WHERE posting_id = ?", Long.class, p.id());
    }
}
